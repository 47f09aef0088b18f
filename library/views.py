"""Public views of the library: lists with filters, one resource, themes, tags, downloads."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from taggit.models import Tag

from library import subtypes
from library.facets import facet_counts, facets_for_display, total_from
from library.filters import ResourceFilter, active_filters
from library.models import Resource, Theme
from library.models.resources import KIND_PLURALS, KIND_URL_SEGMENTS, Status
from library.search.results import Results
from library.search.suggestions import suggest

KIND_OF_SEGMENT = {segment: kind for kind, segment in KIND_URL_SEGMENTS.items()}


def library_page(request, *, queryset=None, kind=None, template="library/resource_list.html", context=None):
    """Filter, search, sort and paginate published resources with facet counts; answer 400 when
    a parameter is not understood."""
    base = (queryset if queryset is not None else Resource.objects.all()).published().of_kind(kind)
    filterset = ResourceFilter(request.GET, queryset=base, fixed_kind=kind)
    counts = facet_counts(filterset)
    total = total_from(counts, filterset)
    filterset.offer_countries(code for code, count in counts["country"].items() if count)
    query = filterset.parsed_query
    ranked = filterset.chosen_sort == "relevance" and query.groups
    results = Results(
        filterset.qs, total, query=query, ranked_from=filterset.filtered_without("q") if ranked else None
    )
    page = Paginator(results, settings.LIBRARY_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        template,
        {
            "filterset": filterset,
            "page_obj": page,
            "kind": kind,
            "heading": KIND_PLURALS[kind] if kind else None,
            "active_filters": active_filters(filterset, request.GET),
            "facets": facets_for_display(counts, filterset, request.GET, hide={"kind"} if kind else ()),
            "query": filterset.query,
            "suggestion": suggest(filterset) if total == 0 and query.groups else None,
            "query_without_page": params.urlencode(),
            **(context or {}),
        },
        status=200 if filterset.is_valid() else 400,
    )


def resource_list(request, kind=None):
    return library_page(request, kind=kind)


def resource_detail(request, segment, slug):
    kind = KIND_OF_SEGMENT.get(segment)
    if kind is None:
        raise Http404
    model = subtypes.model_for(kind)
    resource = get_object_or_404(
        model.objects.published().filter(kind=kind).prefetch_related("themes", "countries", "tags", "files"),
        slug=slug,
    )
    related = resource.related.published().for_cards()[:6]
    return render(request, subtypes.detail_template_for(kind), {"resource": resource, "related": related})


def theme_list(request):
    public = Q(resources__status=Status.PUBLISHED, resources__published_at__lte=timezone.now())
    themes = Theme.objects.annotate(resource_count=Count("resources", filter=public))
    return render(request, "library/theme_list.html", {"themes": themes})


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    return library_page(
        request,
        queryset=Resource.objects.filter(themes=theme),
        template="library/theme_detail.html",
        context={"theme": theme},
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return library_page(
        request,
        queryset=Resource.objects.filter(tagged_items__tag=tag),
        template="library/tag_detail.html",
        context={"tag": tag},
    )
