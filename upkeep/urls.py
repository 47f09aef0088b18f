from django.urls import path

from upkeep import views

app_name = "upkeep"

urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("resume/", views.resume, name="resume"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
