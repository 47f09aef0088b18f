from django.urls import path, re_path

from library import downloads, export_views, preview, views
from library.feeds import LatestResourcesFeed
from library.models.resources import Kind

app_name = "library"

urlpatterns = [
    path("library/", views.resource_list, name="list"),
    path("library/export.csv", export_views.export_csv, name="export-csv"),
    path("toolkits/", views.resource_list, {"kind": Kind.TOOLKIT}, name="toolkits"),
    path("guides/", views.resource_list, {"kind": Kind.GUIDE}, name="guides"),
    path("case-studies/", views.resource_list, {"kind": Kind.CASE_STUDY}, name="case-studies"),
    re_path(
        r"^(?P<segment>toolkits|guides|case-studies)/(?P<slug>[-a-zA-Z0-9_]+)/$",
        views.resource_detail,
        name="detail",
    ),
    re_path(
        r"^(?P<segment>toolkits|guides|case-studies)/(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<extension>bib|ris)$",
        views.resource_citation,
        name="citation",
    ),
    path("feeds/latest/", LatestResourcesFeed(), name="latest-feed"),
    path("feeds/themes/<slug:slug>/", LatestResourcesFeed(), name="theme-feed"),
    path("themes/", views.theme_list, name="themes"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme-detail"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag-detail"),
    path("toolkits/<slug:slug>/files.zip", downloads.bundle, name="bundle"),
    path("downloads/<uuid:file_uuid>/", downloads.download, name="download"),
    path(
        "downloads/<uuid:file_uuid>/versions/<int:number>/",
        downloads.download_version,
        name="download-version",
    ),
    path("preview/<int:pk>/", preview.preview, name="preview"),
]
