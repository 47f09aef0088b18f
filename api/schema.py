"""The OpenAPI description of the list's query parameters, written from the code that reads them:
each filter of library.filters.ResourceFilter (its choices become the enum) and the API's own."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from api.parameters import LIST_FIELDS
from library.facets import FACETS
from library.filters import ResourceFilter
from library.models import Resource

DESCRIPTIONS = {
    "q": 'Full-text search, web-search syntax: "exact phrase", -exclude, or.',
    "kind": "Kind of resource; repeat for several.",
    "theme": "Theme slug; repeat for several (any of them).",
    "tag": "Tag slug; repeat for several (any of them).",
    "country": "ISO 3166-1 alpha-2 code; repeat for several.",
    "region": "UN M49 region slug.",
    "language": "ISO 639-1 code of the resource's language; repeat for several.",
    "year_from": "Published in this year or later.",
    "year_to": "Published in this year or earlier.",
    "sort": "Order of the results: relevance (the default with q), newest (the default without), "
    "oldest, title, popular.",
}


def _choices(field):
    return [str(value) for value, _label in getattr(field, "choices", []) if value not in ("", None)]


def list_parameters():
    form = ResourceFilter(queryset=Resource.objects.none()).form
    parameters = []
    for name, field in form.fields.items():
        many = isinstance(field, forms.MultipleChoiceField) or name in ("country", "language")
        kind = (
            OpenApiTypes.INT
            if isinstance(field, forms.IntegerField | forms.DecimalField)
            else OpenApiTypes.STR
        )
        choices = _choices(field)
        parameters.append(
            OpenApiParameter(
                name,
                kind,
                many=many,
                explode=True if many else None,
                enum=choices or None if name != "country" else None,
                description=DESCRIPTIONS.get(name, ""),
            )
        )
    return parameters + [
        OpenApiParameter(
            "cursor", OpenApiTypes.STR, description="From the `next` address of the previous page."
        ),
        OpenApiParameter(
            "page_size", OpenApiTypes.INT, description="Resources per page, 1 to API_MAX_PAGE_SIZE (100)."
        ),
        OpenApiParameter(
            "fields",
            OpenApiTypes.STR,
            description=f"Comma-separated: only these fields of each resource. Among: {', '.join(LIST_FIELDS)}.",
        ),
        OpenApiParameter(
            "facets",
            OpenApiTypes.STR,
            description=f"Comma-separated: count the results by these facets. Among: {', '.join(FACETS)}.",
        ),
    ]
