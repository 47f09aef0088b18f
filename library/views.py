"""Public views of the library: lists with filters, one resource, themes, tags, downloads."""

from datetime import timedelta
from operator import attrgetter
from typing import NamedTuple

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Value, prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import truncatewords
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.views.decorators.http import condition, require_safe
from taggit.models import Tag

from library import citations, covers, extensions, file_versions, structured_data, subtypes
from library.cache import cache_public_page, public_state
from library.facet_index import attach_relations, current_index
from library.facets import facets_for_display
from library.filters import ResourceFilter, active_filters
from library.listing import Listing
from library.models import Resource, Theme
from library.models.resources import KIND_PLURALS, KIND_URL_SEGMENTS
from library.pagination import page_or_answer
from library.search.results import Results
from library.search.suggestions import suggest

KIND_OF_SEGMENT = {segment: kind for kind, segment in KIND_URL_SEGMENTS.items()}
FILTER_PANEL = "includes/filter_panel.html"
RELATED_SHOWN = 6


def feed_url_for(params, *, kind=None, tag=None, theme=None):
    """The Atom feed that follows this very list: a saved search any feed reader can subscribe to."""
    params = params.copy()
    params.pop("page", None)
    params.pop("sort", None)
    if kind:
        params.setlist("kind", [kind])
    if tag:
        params.setlist("tag", [tag.slug])
    url = (
        reverse("library:theme-feed", kwargs={"slug": theme.slug})
        if theme
        else reverse("library:latest-feed")
    )
    query = params.urlencode()
    return f"{url}?{query}" if query else url


def library_page(
    request,
    *,
    kind=None,
    theme=None,
    tag=None,
    template="library/resource_list.html",
    context=None,
    feed_url=None,
):
    """Filter, search, sort and paginate published resources (of one kind, theme or tag) with
    facet counts; answer 400 when a parameter is not understood."""
    base = Resource.objects.published().of_kind(kind)
    if theme is not None:
        base = base.filter(themes=theme)
    if tag is not None:
        base = base.filter(tagged_items__tag=tag)
    filterset = ResourceFilter(request.GET, queryset=base, fixed_kind=kind)
    listing = Listing(filterset, theme=theme, tag=tag)
    query = filterset.parsed_query
    results = Results(listing.page_ids, listing.total, query=query, index=listing.index)
    params = request.GET.copy()
    params.pop("page", None)
    page, answer = page_or_answer(request, results, settings.LIBRARY_PAGE_SIZE, params)
    if answer:
        return answer
    return render(
        request,
        template,
        {
            "filterset": filterset,
            "page_obj": page,
            "kind": kind,
            "heading": KIND_PLURALS[kind] if kind else None,
            "active_filters": active_filters(filterset, request.GET),
            "filter_panel": filter_panel(listing, params, kind=kind, theme=theme, tag=tag),
            "query": filterset.query,
            "suggestion": suggest(filterset) if listing.total == 0 and query.groups else None,
            "query_without_page": params.urlencode(),
            "feed_url": feed_url or feed_url_for(request.GET, kind=kind),
            **(context or {}),
        },
        status=200 if filterset.is_valid() else 400,
    )


def filter_panel(listing, params, *, kind, theme, tag):
    """The list's panel of search and filters, each choice with its count: the same for everyone
    who asks with the same parameters (`params`, the page number left out), so it is rendered
    once per public state, language, list and parameters, and a list page that finds it kept
    counts nothing."""
    filterset = listing.filterset

    def render_panel():
        facets = facets_for_display(listing.facet_counts(), filterset, hide={"kind"} if kind else ())
        return render_to_string(FILTER_PANEL, {"filterset": filterset, "facets": facets})

    chosen = tuple((name, tuple(values)) for name, values in params.lists())
    key = ("panel", translation.get_language(), kind, theme and theme.pk, tag and tag.pk, chosen)
    return listing.index.remembered(key, render_panel, store="panels")


@cache_public_page
def resource_list(request, kind=None):
    return library_page(request, kind=kind)


def _public_detail_changed(request, segment, slug):
    """For anonymous readers: when the page last changed, to the microsecond: the resource's own
    change or any public change, whichever is newer (the page also lists related resources and
    files). None for signed-in people, whose pages are never stored."""
    if request.user.is_authenticated:
        return None
    detail = public_detail(segment, slug)
    return detail and max(detail.resource.updated_at, public_state().last_modified)


def _detail_etag(request, segment, slug):
    changed = _public_detail_changed(request, segment, slug)
    return changed and f"{request.LANGUAGE_CODE}-{changed.timestamp():.6f}"


def _detail_last_modified(request, segment, slug):
    """Last-Modified counts whole seconds; it is sent only once its second is over, so a later
    change always carries a later time and an If-Modified-Since can never hide it."""
    changed = _public_detail_changed(request, segment, slug)
    if changed is None:
        return None
    second = changed.replace(microsecond=0)
    return second if timezone.now() >= second + timedelta(seconds=1) else None


OWN_RELATIONS = ("tags", "files")  # the themes and countries come off the facet index


class PublicDetail(NamedTuple):
    """What a resource's page reads of the library: the resource with its themes, countries,
    tags, files and their versions, its related resources and its language versions."""

    resource: Resource
    related: list
    language_versions: list


def public_detail(segment, slug) -> PublicDetail | None:
    """The public resource at this address and what its page shows of the library, or None. All
    of it is public content, so it is read once per public state (kept by the facet index, like
    the cards): a change to any of it renews the state."""
    kind = KIND_OF_SEGMENT.get(segment)
    if kind is None:
        return None
    return current_index().remembered(
        ("detail", kind, slug), lambda: _read_detail(kind, slug), store="details"
    )


def _read_detail(kind, slug) -> PublicDetail | None:
    resource = subtypes.model_for(kind).objects.published().filter(kind=kind, slug=slug).first()
    if resource is None:
        return None
    attach_relations([resource])
    prefetch_related_objects([resource], *OWN_RELATIONS, "files__versions")
    return PublicDetail(resource, *related_and_language_versions(resource))


def public_detail_or_404(segment, slug) -> PublicDetail:
    detail = public_detail(segment, slug)
    if detail is None:
        raise Http404
    return detail


def related_and_language_versions(resource):
    """What a detail page links to, read in one query (a UNION ALL of two indexed lookups): up to
    six public related resources, newest first, with what their cards show, and the public
    language versions, by language. SQLite allows no LIMIT or ORDER BY inside a UNION, so every
    related resource is read (editors choose them: a short list) and the rest happens here."""
    related = resource.related.published().annotate(is_version=Value(False))
    versions = Resource.objects.published().language_versions_of(resource).annotate(is_version=Value(True))
    rows = list(related.order_by().union(versions.order_by(), all=True).order_by("-published_at", "-id"))
    shown = [row for row in rows if not row.is_version][:RELATED_SHOWN]
    attach_relations(shown)
    return shown, sorted((row for row in rows if row.is_version), key=attrgetter("language", "pk"))


DETAIL_PAGE = "library/resource_detail.html"  # around the <article> of the resource's kind


@condition(etag_func=_detail_etag, last_modified_func=_detail_last_modified)
@cache_public_page
def resource_detail(request, segment, slug):
    return render(request, DETAIL_PAGE, public_detail_page(request, public_detail_or_404(segment, slug)))


def public_detail_page(request, detail: PublicDetail):
    """What a resource's public page shows, its <article> rendered. A signed-in reader's article
    says which files they may download, so it is made afresh; an anonymous reader's is the same
    for everyone, so it is made once per public state, language and site address (like the
    cards). The files' recent updates are part of the key: one ageing out changes it."""
    resource, related, language_versions = detail
    file_updates = file_versions.recent_updates(resource.files.all(), timezone.now())

    def page():
        return with_article(
            request, detail_context(request, resource, related, language_versions, file_updates)
        )

    if request.user.is_authenticated:
        return page()
    site = (request.scheme, request.get_host(), get_script_prefix())
    updates = tuple(update.pk for update in file_updates)
    key = ("detail-page", resource.pk, translation.get_language(), site, updates)
    return current_index().remembered(key, page, store="details")


def with_article(request, context):
    """The page's context with the resource's <article> rendered by the template of its kind. The
    article is given the reader (its files say what they may download), not the request."""
    template = subtypes.article_template_for(context["resource"].kind)
    article = render_to_string(template, {**context, "user": request.user})
    return {**context, "article": article}


def detail_context(request, resource, related=None, language_versions=None, file_updates=None):
    """What a resource's page shows (the public page and the staff preview alike); the related
    resources, language versions and files' recent updates are read here unless given."""
    url = request.build_absolute_uri(resource.get_absolute_url())
    if related is None:
        related, language_versions = related_and_language_versions(resource)
    # each file's versions, for "Updated <date>: <notes>" and "Earlier versions" (one query, or
    # none when already read)
    prefetch_related_objects([resource], "files__versions")
    if file_updates is None:
        file_updates = file_versions.recent_updates(resource.files.all(), timezone.now())
    return {
        "resource": resource,
        "summary_excerpt": truncatewords(resource.summary, 40),
        "file_updates": file_updates,
        "related": related,
        "language_versions": language_versions,
        "citation": citations.apa_html(resource, url),
        "cover": covers.cover_context(resource, request.build_absolute_uri) if resource.cover else None,
        "json_ld": structured_data.json_ld_script(
            structured_data.resource_data(resource, url, request.build_absolute_uri, language_versions)
        ),
        "resource_sections": resource_sections(resource),
    }


def resource_sections(resource):
    """What other apps add to a resource's page (library.extensions); a staff preview of a
    resource not public yet reads them afresh."""
    if not current_index().holds(resource.pk):
        return extensions.resource_sections.render_for(resource)
    return public_sections(extensions.resource_sections, resource)


def public_sections(sections, item):
    """Sections of a public page: public data only, whose every change and scheduled publication
    renews the public state, so they are read once per state and language (their addresses carry
    the language's prefix)."""
    return current_index().remembered(
        ("sections", sections.name, translation.get_language(), item.pk),
        lambda: sections.render_for(item),
        store="details",
    )


CITATION_FORMATS = {
    "bib": (citations.bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (citations.ris, "application/x-research-info-systems; charset=utf-8"),
}


def resource_citation(request, segment, slug, extension):
    """The resource's reference as a BibTeX or RIS file for reference managers."""
    resource = public_detail_or_404(segment, slug).resource
    write, content_type = CITATION_FORMATS[extension]
    response = HttpResponse(
        write(resource, request.build_absolute_uri(resource.get_absolute_url())), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{resource.slug}.{extension}"'
    return response


@cache_public_page
def theme_list(request):
    return render(request, "library/theme_list.html", {"themes": themes_with_counts()})


def themes_with_counts():
    """Every theme with its number of public resources, off the facet index: no query once the
    index of this public state has them."""

    index = current_index()

    def count():
        themes = list(Theme.objects.all())
        for theme in themes:
            theme.resource_count = (index.public & index.value_mask("theme", [theme.slug])).bit_count()
        return themes

    return index.remembered(("themes-with-counts",), count)


@cache_public_page
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    return library_page(
        request,
        theme=theme,
        template="library/theme_detail.html",
        context={"theme": theme, "theme_sections": public_sections(extensions.theme_sections, theme)},
        feed_url=feed_url_for(request.GET, theme=theme),
    )


@cache_public_page
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return library_page(
        request,
        tag=tag,
        template="library/tag_detail.html",
        context={"tag": tag},
        feed_url=feed_url_for(request.GET, tag=tag),
    )


@require_safe
def cover_image(request, resource_id, width):
    """A published resource's cover at one of the fixed widths, as WebP, cacheable for a year."""
    if width not in covers.WIDTHS:
        raise Http404
    resource = get_object_or_404(Resource.objects.published().exclude(cover=""), pk=resource_id)
    try:
        name = covers.rendition(resource.cover, width)
    except covers.CoverUnavailable:
        raise Http404 from None
    response = FileResponse(default_storage.open(name, "rb"), content_type="image/webp")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
