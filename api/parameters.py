"""The API list's query parameters: the library list's own (validated by the one
library.filters.ResourceFilter), plus `cursor`, `page_size`, `fields` and `facets`.

`page` is the one list parameter the API does not take: it pages with cursors instead (an
offset page shifts when a resource is published or withdrawn; a cursor does not). Any parameter
the API does not know is refused, so a misspelt filter is never silently ignored."""

from django import forms
from django.conf import settings

from api.errors import BadParameters
from library.facets import FACETS
from library.filters import ResourceFilter

# what one resource of the list may show, in this order; `fields` picks among them
LIST_FIELDS = (
    "slug",
    "kind",
    "title",
    "summary",
    "language",
    "published_at",
    "updated_at",
    "licence",
    "themes",
    "countries",
    "tags",
    "url",
    "api_url",
)
API_PARAMETERS = ("cursor", "page_size", "fields", "facets")


class CommaListField(forms.CharField):
    """`a,b,c` -> ["a", "b", "c"], each one of `allowed`."""

    def __init__(self, *, allowed, **kwargs):
        self.allowed = tuple(allowed)
        super().__init__(required=False, max_length=500, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        names = [name.strip() for name in text.split(",") if name.strip()] if text else []
        unknown = [name for name in names if name not in self.allowed]
        if unknown:
            raise forms.ValidationError(
                f"Unknown: {', '.join(unknown)}. Choose among: {', '.join(self.allowed)} (comma-separated)."
            )
        return list(dict.fromkeys(names))


class ListParameters(forms.Form):
    cursor = forms.CharField(required=False, max_length=1000)
    page_size = forms.IntegerField(required=False, min_value=1)
    fields = CommaListField(allowed=LIST_FIELDS)
    facets = CommaListField(allowed=FACETS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page_size"] = forms.IntegerField(
            required=False, min_value=1, max_value=settings.API_MAX_PAGE_SIZE
        )


def single_values(params, names):
    """These parameters may be given once; a repeated one is an error (which value would win?)."""
    return {name: ["Give this parameter once."] for name in names if len(params.getlist(name)) > 1}


def validated(params, *, queryset):
    """(ResourceFilter bound to `params`, cleaned API parameters) or BadParameters naming every
    parameter that is not understood, with what it takes."""
    filterset = ResourceFilter(params, queryset=queryset)
    known = set(filterset.filters) | set(API_PARAMETERS)
    errors = {}
    for name in params:
        if name == "page":
            errors[name] = ["This API pages with `cursor`: follow the `next` address of each answer."]
        elif name not in known:
            errors[name] = [f"Unknown parameter. Known: {', '.join(sorted(known))}."]
    errors.update(single_values(params, ("cursor", "page_size", "fields", "facets", "q", "sort", "region")))
    errors.update(single_values(params, ("year_from", "year_to")))
    api = ListParameters({name: params.get(name) for name in API_PARAMETERS if name in params})
    if not api.is_valid():
        errors.update(api.errors)
    if not filterset.is_valid():
        errors.update(filterset.form.errors)
    if errors:
        raise BadParameters(errors)
    return filterset, api.cleaned_data
