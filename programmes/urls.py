from django.urls import path

from programmes.feeds import CollectionFeed, CollectionsFeed
from programmes.views import certificates, collections, programmes

app_name = "programmes"

urlpatterns = [
    path("collections/", collections.collection_list, name="collections"),
    path("collections/<slug:slug>/", collections.collection_detail, name="collection"),
    path("collections/<slug:slug>/export.csv", collections.collection_csv, name="collection-csv"),
    path(
        "collections/<slug:slug>/cover/<int:width>.webp",
        collections.collection_cover,
        name="collection-cover",
    ),
    path("feeds/collections/", CollectionsFeed(), name="collections-feed"),
    path("feeds/collections/<slug:slug>/", CollectionFeed(), name="collection-feed"),
    path("programmes/", programmes.programme_list, name="programmes"),
    path("programmes/<slug:slug>/", programmes.programme_detail, name="programme"),
    path("programmes/<slug:slug>/enrol/", programmes.enrol, name="enrol"),
    path("programmes/<slug:slug>/steps/<int:step_id>/", programmes.mark_step, name="step"),
    path(
        "programmes/<slug:slug>/modules/<int:module_id>/self-check/", programmes.self_check, name="self-check"
    ),
    path("programmes/<slug:slug>/certificate.pdf", programmes.certificate_pdf, name="certificate-pdf"),
    path("certificates/", certificates.lookup, name="certificate-lookup"),
    path("certificates/<str:code>/", certificates.verify, name="certificate"),
]
