from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from library.views import cover_image
from portal import twofactor, views
from portal.auth import QueuedPasswordResetForm
from portal.sitemaps import SITEMAPS

handler500 = "portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("covers/<int:resource_id>/<int:width>.webp", cover_image, name="cover"),
    path("admin/", admin.site.urls),
    # open data, the same in every language: the JSON API, OAI-PMH and the catalogue description
    path("api/v1/", include("api.urls")),
    path("", include("harvest.urls")),
    # Choosing the interface language changes nothing but a cookie, so the form carries no CSRF
    # token: every anonymous page stays free of per-visitor tokens and can be cached.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", views.account, name="account"),
    path("accounts/two-factor/", twofactor.two_factor, name="two-factor"),
    path("accounts/two-factor/qr.svg", twofactor.two_factor_qr, name="two-factor-qr"),
    path("accounts/change-notices/", include("upkeep.urls")),
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("mentoring.urls")),
    path("", include("events.urls")),
    path("", include("programmes.urls")),
    path("", include("library.urls")),
    prefix_default_language=False,
)
