"""Public pages of curated collections: the list, one collection, its feed, its CSV, its cover."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from library import covers
from library.cache import cache_public_page
from library.exporting import csv_lines
from library.models import Resource
from library.structured_data import json_ld_script
from programmes.filters import CollectionFilter
from programmes.list_facets import COLLECTION_FACETS
from programmes.models import Collection
from programmes.structured_data import collection_data
from programmes.views.lists import filtered_list

COLLECTIONS_PAGE_SIZE = 20


def published_collection(slug):
    return get_object_or_404(Collection.objects.published().prefetch_related("themes"), slug=slug)


@require_safe
@cache_public_page
def collection_list(request):
    return filtered_list(
        request,
        CollectionFilter(request.GET, queryset=Collection.objects.published().newest_first()),
        shown=lambda collections: collections.prefetch_related("themes"),
        per_page=COLLECTIONS_PAGE_SIZE,
        template="programmes/collection_list.html",
        facets=COLLECTION_FACETS,
    )


@require_safe
@cache_public_page
def collection_detail(request, slug):
    collection = published_collection(slug)
    items = list(collection.public_items())
    url = request.build_absolute_uri(collection.get_absolute_url())
    return render(
        request,
        "programmes/collection_detail.html",
        {
            "collection": collection,
            "items": items,
            "cover": _cover_context(collection, request.build_absolute_uri),
            "json_ld": json_ld_script(collection_data(collection, items, url, request.build_absolute_uri)),
        },
    )


def _cover_context(collection, absolute):
    if not collection.cover:
        return None
    size = covers.dimensions(collection.cover)
    version = covers.version_of(collection.cover)

    def url(width):
        return f"{collection.get_absolute_url()}cover/{width}.webp?v={version}"

    return {
        "src": url(covers.DEFAULT_WIDTH),
        "srcset": ", ".join(f"{url(width)} {width}w" for width in covers.WIDTHS),
        "sizes": covers.SIZES,
        "width": size[0] if size else None,
        "height": size[1] if size else None,
        "absolute_url": absolute(url(1280)),
        "alt": collection.cover_alt,
    }


@require_safe
def collection_cover(request, slug, width):
    if width not in covers.WIDTHS:
        raise Http404
    collection = get_object_or_404(Collection.objects.published().exclude(cover=""), slug=slug)
    try:
        name = covers.rendition(collection.cover, width)
    except covers.CoverUnavailable:
        raise Http404 from None
    response = FileResponse(default_storage.open(name, "rb"), content_type="image/webp")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_safe
def collection_csv(request, slug):
    """The collection's public resources, in its order, in the library's CSV export format."""
    collection = published_collection(slug)
    if request.GET:
        return HttpResponseBadRequest(
            _("A collection's export takes no parameters."), content_type="text/plain; charset=utf-8"
        )
    resources = (
        Resource.objects.published()
        .filter(collection_items__collection=collection)
        .order_by("collection_items__position", "collection_items__id")
    )
    response = StreamingHttpResponse(
        csv_lines(resources, url_of=lambda resource: request.build_absolute_uri(resource.get_absolute_url())),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="collection-{collection.slug}.csv"'
    return response
