"""Site-wide pages: home, the health check and the signed-in person's page."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from library import access
from library.filters import ResourceFilter
from library.models import DownloadLog, Membership, Resource, Theme
from library.models.resources import Status

HOME_LATEST = 6
HOME_FEATURED = 3


def home(request):
    published = Resource.objects.published()
    public = Q(resources__status=Status.PUBLISHED, resources__published_at__lte=timezone.now())
    return render(
        request,
        "portal/home.html",
        {
            "featured": published.filter(featured=True).newest_first().for_cards()[:HOME_FEATURED],
            "latest": published.newest_first().for_cards()[:HOME_LATEST],
            "themes": Theme.objects.annotate(resource_count=Count("resources", filter=public)),
            "search_form": ResourceFilter(queryset=Resource.objects.none()).form,
        },
    )


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return JsonResponse({"status": "error", "database": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
