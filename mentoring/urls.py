from django.urls import path

from mentoring import views

app_name = "mentoring"

urlpatterns = [
    path("mentors/", views.mentor_list, name="mentors"),
    path("mentors/<int:pk>/", views.mentor_detail, name="mentor"),
    path("mentoring/", views.my_mentoring, name="mine"),
    path("mentoring/offer/", views.offer, name="offer"),
    path("mentoring/find/", views.find_mentor, name="find"),
    path("mentoring/<int:pk>/", views.mentorship_detail, name="detail"),
    path("mentoring/<int:pk>/answer/", views.answer, name="answer"),
    path("mentoring/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("mentoring/<int:pk>/goals/", views.add_goal, name="add-goal"),
    path("mentoring/<int:pk>/notes/", views.add_note, name="add-note"),
    path("mentoring/<int:pk>/close/", views.close, name="close"),
    path("mentoring/<int:pk>/lesson/", views.lesson, name="lesson"),
]
