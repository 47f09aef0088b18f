"""What this app adds to the library's and the portal's pages (library.extensions)."""

from programmes import progress
from programmes.models import Collection, Programme

THEME_COLLECTIONS_SHOWN = 6


def part_of(request, resource):
    """ "Part of: ..." on a resource's page: the public collections and programmes it belongs to.
    The page is cached for every reader, so only what is public to all (no partners-only
    programme) shows here; any change to a collection or programme bumps the public version."""
    collections = list(
        Collection.objects.published().containing(resource).order_by("title").only("title", "slug")
    )
    programmes = list(
        Programme.objects.published()
        .filter(partners_only=False, modules__steps__resource=resource)
        .distinct()
        .order_by("title")
        .only("title", "slug")
    )
    if not (collections or programmes):
        return None
    return {
        "template": "programmes/includes/part_of.html",
        "collections": collections,
        "programmes": programmes,
    }


def theme_collections(request, theme):
    collections = list(
        Collection.objects.published().filter(themes=theme).newest_first()[:THEME_COLLECTIONS_SHOWN]
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
