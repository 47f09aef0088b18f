"""What this app adds to the library's and the portal's pages (library.extensions)."""

from typing import NamedTuple

from django.db.models import Value
from django.urls import reverse

from programmes import progress
from programmes.models import Collection, Programme

THEME_COLLECTIONS_SHOWN = 6


class PartOf(NamedTuple):
    title: str
    url: str


def part_of(resource):
    """ "Part of: ..." on a resource's page: the public collections and programmes it belongs to,
    in one query (a UNION of the two). The page is cached for every reader, so only what is
    public to all shows (no partners-only programme); any change to a collection or programme
    bumps the public version."""
    collections = (
        Collection.objects.published()
        .containing(resource)
        .annotate(kind=Value("collection"))
        .values_list("title", "slug", "kind")
    )
    programmes = (
        Programme.objects.published()
        .filter(partners_only=False, modules__steps__resource=resource)
        .annotate(kind=Value("programme"))
        .values_list("title", "slug", "kind")
    )
    rows = list(collections.order_by().union(programmes.order_by()).order_by("kind", "title"))
    if not rows:
        return None
    return {
        "template": "programmes/includes/part_of.html",
        "collections": [
            PartOf(title, reverse("programmes:collection", args=[slug]))
            for title, slug, kind in rows
            if kind == "collection"
        ],
        "programmes": [
            PartOf(title, reverse("programmes:programme", args=[slug]))
            for title, slug, kind in rows
            if kind == "programme"
        ],
    }


def theme_collections(theme):
    collections = list(
        Collection.objects.published()
        .filter(themes=theme)
        .newest_first()
        .prefetch_related("themes")[:THEME_COLLECTIONS_SHOWN]
    )
    if not collections:
        return None
    return {
        "template": "programmes/includes/theme_collections.html",
        "collections": collections,
        "theme": theme,
    }


def account_progress(request):
    enrolments = list(progress.programmes_of(request.user))
    if not enrolments:
        return None
    return {"template": "programmes/includes/account_programmes.html", "enrolments": enrolments}
