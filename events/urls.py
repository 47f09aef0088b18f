from django.urls import path

from events import feeds, views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/past/", views.event_list, {"past": True}, name="past"),
    path("events/calendar.ics", views.calendar_ics, name="calendar"),
    path("events/feed/", feeds.NewEventsFeed(), name="feed"),
    path("events/registration/<str:token>/", views.registration_view, name="registration"),
    path("events/registration/<str:token>/confirm/", views.confirm_view, name="confirm"),
    path("events/<slug:slug>.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/register/", views.register_view, name="register"),
]
