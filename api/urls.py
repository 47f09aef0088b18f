from django.urls import path

from api import views

app_name = "api"

urlpatterns = [
    path("", views.Root.as_view(), name="root"),
    path("resources/", views.ResourceList.as_view(), name="resource-list"),
    path("resources/<slug:slug>/", views.ResourceDetail.as_view(), name="resource-detail"),
    path("events/", views.EventList.as_view(), name="event-list"),
    path("events/<slug:slug>/", views.EventDetail.as_view(), name="event-detail"),
    path("themes/", views.ThemeList.as_view(), name="theme-list"),
    path("schema/", views.Schema.as_view(), name="schema"),
    path("docs/", views.Documentation.as_view(), name="docs"),
]
