"""Site-wide pages: home, the health check and the signed-in person's page."""

import logging
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from events.models import Event
from library import access, extensions
from library.cache import cache_public_page
from library.cards import newest_cards
from library.models import DownloadLog, Membership, Resource
from library.views import themes_with_counts

logger = logging.getLogger(__name__)

HOME_LATEST = 6
HOME_FEATURED = 3
HOME_EVENTS = 3


@cache_public_page
def home(request):
    published = Resource.objects.published()
    return render(
        request,
        "portal/home.html",
        {
            "featured": newest_cards("featured", published.filter(featured=True), HOME_FEATURED),
            "latest": newest_cards("latest", published, HOME_LATEST),
            "themes": themes_with_counts(),
            # cached with the page: no places-left count here (the event pages have it, always fresh)
            "events": Event.objects.public()
            .active()
            .upcoming()
            .select_related("country")
            .prefetch_related("themes")[:HOME_EVENTS],
        },
    )


@never_cache
def healthz(request):
    """200 when the database (and Redis, when REDIS_URL is set) answer; 503 with what failed."""
    checks = {"database": _database_answers()}
    if settings.REDIS_URL:
        checks["cache"] = _cache_answers()
    healthy = all(result == "ok" for result in checks.values())
    if not healthy:
        logger.error("Health check failed: %s", checks)
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure means unhealthy; the type name says which
        return type(error).__name__
    return "ok"


def _cache_answers():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", 10)
        answer = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return type(error).__name__
    return "ok" if answer == "ok" else "no answer"


ACCOUNT_HISTORY = 50


@login_required
@never_cache
def account(request):
    """Their organisations, the toolkits open to them as a partner, and their own downloads."""
    user = request.user
    return render(
        request,
        "portal/account.html",
        {
            "memberships": Membership.objects.filter(user=user).select_related(
                "organisation", "organisation__country"
            ),
            "is_partner": access.is_partner(user),
            "partner_resources": access.partner_resources(user).newest_first()[:ACCOUNT_HISTORY],
            "downloads": DownloadLog.objects.filter(user=user)
            .select_related("file", "resource")
            .order_by("-time", "-id")[:ACCOUNT_HISTORY],
            "account_sections": extensions.account_sections.render_for(request),
        },
    )


ROBOTS_DISALLOWED = [
    "/admin/",
    "/accounts/",
    "/i18n/",
    "/downloads/",
    "/library/export.csv",
    "/mentors/",
    "/mentoring/",
]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


FALLBACK_500 = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server error</title></head>'
    "<body><main><h1>Server error</h1><p>Something went wrong on our side. Please try again in a moment.</p>"
    '<p><a href="/">Go to the home page</a></p></main></body></html>'
)


def server_error(request):
    """The 500 page in the reader's language, with the site's header; never any detail of the error.

    It renders with the request (so the header, language links and styles work) but, since the
    failure may lie in that very machinery, falls back to a fixed page when rendering fails too.
    """
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - the error page must never fail
        return HttpResponseServerError(FALLBACK_500)
