"""Site-wide pages: home, the health check and the signed-in person's page."""

import logging
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from library import access
from library.cache import cache_public_page
from library.filters import ResourceFilter
from library.models import DownloadLog, Membership, Resource
from library.views import themes_with_counts

logger = logging.getLogger(__name__)

HOME_LATEST = 6
HOME_FEATURED = 3


@cache_public_page
def home(request):
    published = Resource.objects.published()
    return render(
        request,
        "portal/home.html",
        {
            "featured": published.filter(featured=True).newest_first().for_cards()[:HOME_FEATURED],
            "latest": published.newest_first().for_cards()[:HOME_LATEST],
            "themes": themes_with_counts(),
            "search_form": ResourceFilter(queryset=Resource.objects.none()).form,
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
        },
    )
