from django.urls import path

from harvest import views

app_name = "harvest"

urlpatterns = [
    path("oai/", views.oai, name="oai"),
    path("catalog.jsonld", views.catalog, name="catalog"),
]
