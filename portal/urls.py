from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", views.account, name="account"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("library.urls")),
    prefix_default_language=False,
)
