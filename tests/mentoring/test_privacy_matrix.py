"""Who may read and write what: every role against every mentoring page and action.

Roles: anonymous, a visitor (signed in, in no partner organisation), a partner member of the
mentee's own organisation who is not part of the mentorship, a member of another partner
organisation, the mentor, the mentee, an editor, a publisher, a superuser, and a mentoring
coordinator (staff with the mentoring permissions). A write that is refused must change nothing;
a page that is refused must show none of the mentorship's goals and notes.
"""

import pytest
from django.contrib.auth.models import Group

from library import roles
from mentoring.models import Goal, Lesson, MentorProfile, Mentorship, SessionNote, Status
from mentoring.roles import COORDINATORS
from tests.factories import make_organisation, make_partner, make_staff, make_user
from tests.mentoring.helpers import make_mentor, make_mentorship

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "visitor",
    "partner",
    "other_partner",
    "mentor",
    "mentee",
    "editor",
    "publisher",
    "superuser",
    "coordinator",
]
SECRETS = ("SECRET-GOAL", "SECRET-NOTE", "SECRET-LESSON")

LOGIN = "login"  # a redirect to sign in (the site's or the admin's)
OK = 200
DONE = "done"  # a POST that did its work: a redirect back and the change made

# action -> expected answer per role, in ROLES order
MATRIX = {
    "directory": [LOGIN, 403, OK, OK, OK, OK, OK, OK, OK, OK],
    "mentor_page": [LOGIN, 403, OK, OK, OK, OK, OK, OK, OK, OK],
    "ask_mentor": [LOGIN, 403, DONE, DONE, 403, 409, 403, 403, 403, 403],
    "my_mentoring": [LOGIN, OK, OK, OK, OK, OK, OK, OK, OK, OK],
    "offer_form": [LOGIN, 403, OK, OK, OK, OK, 403, 403, 403, 403],
    "offer": [LOGIN, 403, DONE, DONE, DONE, DONE, 403, 403, 403, 403],
    "find_form": [LOGIN, 403, OK, OK, OK, OK, 403, 403, 403, 403],
    "find": [LOGIN, 403, DONE, DONE, DONE, DONE, 403, 403, 403, 403],
    "read_mentorship": [LOGIN, 404, 404, 404, OK, OK, 404, 404, OK, OK],
    "add_goal": [LOGIN, 404, 404, 404, DONE, DONE, 404, 404, 403, 403],
    "add_note": [LOGIN, 404, 404, 404, DONE, DONE, 404, 404, 403, 403],
    "answer": [LOGIN, 404, 404, 404, DONE, 409, 404, 404, 403, 403],
    "withdraw": [LOGIN, 404, 404, 404, 409, DONE, 404, 404, 403, 403],
    "close": [LOGIN, 404, 404, 404, DONE, DONE, 404, 404, 403, 403],
    "lesson": [LOGIN, 404, 404, 404, DONE, DONE, 404, 404, 403, 403],
    "admin_mentorship": [LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 403, 403, OK, OK],
    "admin_match": [LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 403, 403, OK, OK],
    "admin_report": [LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 403, 403, OK, OK],
    "admin_profiles": [LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 403, 403, OK, OK],
}


@pytest.fixture
def world(db):
    mentee_org = make_organisation("Mentee organisation")
    mentor = make_mentor("mentor", name="The Mentor", capacity=5)
    mentee = make_partner("mentee", organisation=mentee_org, email="mentee@example.net")
    people = {
        "anonymous": None,
        "visitor": make_user("visitor"),
        "partner": make_partner("colleague", organisation=mentee_org),
        "other_partner": make_partner("elsewhere"),
        "mentor": mentor.user,
        "mentee": mentee,
        "editor": make_staff("editor", roles.EDITORS),
        "publisher": make_staff("publisher", roles.PUBLISHERS),
        "superuser": make_user("root", is_staff=True, is_superuser=True),
        "coordinator": make_staff("coordinator"),
    }
    people["coordinator"].groups.add(Group.objects.get(name=COORDINATORS))
    requested = make_mentorship(mentee, mentor)
    active = make_mentorship(
        mentee, mentor, status=Status.ACTIVE, theme="youth-engagement", goal="SECRET-GOAL"
    )
    Goal.objects.create(mentorship=active, author=mentee, text="SECRET-GOAL")
    SessionNote.objects.create(mentorship=active, author=mentor.user, met_on="2026-11-01", text="SECRET-NOTE")
    completed = make_mentorship(mentee, mentor, status=Status.COMPLETED, theme="womens-empowerment")
    Lesson.objects.create(mentorship=completed, author=mentee, text="SECRET-LESSON", consent=True)
    to_the_fund = make_mentorship(mentee, None, theme="tools-for-knowledge")
    return {
        "people": people,
        "mentor": mentor,
        "requested": requested,
        "active": active,
        "completed": completed,
        "fund": to_the_fund,
    }


def ask_data():
    from library.models import Theme

    return {
        "goal": "A goal.",
        "theme": str(Theme.objects.get(slug="electoral-processes").pk),
        "meeting_language": "en",
        "frequency": "monthly",
    }


def offer_data():
    from library.models import Theme

    return {
        "display_name": "New Name",
        "biography": "A biography.",
        "themes": [str(Theme.objects.get(slug="community-activism").pk)],
        "languages": ["en"],
        "years_of_experience": "3",
        "capacity": "1",
    }


def state():
    """Everything a write could change."""
    return (
        list(Mentorship.objects.order_by("pk").values_list("pk", "status", "mentor_id")),
        Goal.objects.count(),
        SessionNote.objects.count(),
        list(Lesson.objects.order_by("pk").values_list("pk", "text")),
        list(MentorProfile.objects.order_by("pk").values_list("pk", "display_name")),
    )


def requests(world):
    mentor, active, requested, completed, fund = (
        world[k] for k in ("mentor", "active", "requested", "completed", "fund")
    )
    return {
        "directory": ("get", "/mentors/", None),
        "mentor_page": ("get", f"/mentors/{mentor.pk}/", None),
        "ask_mentor": ("post", f"/mentors/{mentor.pk}/", ask_data()),
        "my_mentoring": ("get", "/mentoring/", None),
        "offer_form": ("get", "/mentoring/offer/", None),
        "offer": ("post", "/mentoring/offer/", offer_data()),
        "find_form": ("get", "/mentoring/find/", None),
        "find": ("post", "/mentoring/find/", ask_data()),
        "read_mentorship": ("get", f"/mentoring/{active.pk}/", None),
        "add_goal": ("post", f"/mentoring/{active.pk}/goals/", {"goal-text": "A new goal"}),
        "add_note": (
            "post",
            f"/mentoring/{active.pk}/notes/",
            {"note-met_on": "2026-11-02", "note-text": "A new note"},
        ),
        "answer": ("post", f"/mentoring/{requested.pk}/answer/", {"decision": "accept"}),
        "withdraw": ("post", f"/mentoring/{requested.pk}/withdraw/", {}),
        "close": ("post", f"/mentoring/{active.pk}/close/", {}),
        "lesson": (
            "post",
            f"/mentoring/{completed.pk}/lesson/",
            {"lesson-text": "Changed lesson", "lesson-consent": "on"},
        ),
        "admin_mentorship": ("get", f"/admin/mentoring/mentorship/{active.pk}/change/", None),
        "admin_match": ("get", f"/admin/mentoring/mentorship/{fund.pk}/match/", None),
        "admin_report": ("get", "/admin/mentoring/mentorship/report/", None),
        "admin_profiles": ("get", "/admin/mentoring/mentorprofile/", None),
    }


CASES = [(action, role, expected[ROLES.index(role)]) for action, expected in MATRIX.items() for role in ROLES]


@pytest.mark.parametrize("action, role, expected", CASES, ids=[f"{a}-{r}" for a, r, _e in CASES])
def test_matrix(client, world, action, role, expected):
    person = world["people"][role]
    if person is not None:
        client.force_login(person)
    method, url, data = requests(world)[action]
    before = state()
    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    body = response.content.decode() if not response.streaming else ""
    after = state()

    assert {"private", "no-store"} <= {
        p.strip() for p in response.get("Cache-Control", "").split(",")
    } or url.startswith("/admin/"), response.get("Cache-Control")
    if expected == LOGIN:
        assert response.status_code == 302 and "login" in response["Location"], response.status_code
    elif expected == DONE:
        assert response.status_code == 302 and "login" not in response["Location"], (
            response.status_code,
            body[:300],
        )
        assert after != before, "the write changed nothing"
    else:
        assert response.status_code == expected, (response.status_code, body[:300])
    if expected != DONE:
        assert after == before, "a refused request changed something"
    if expected != OK or action not in ("read_mentorship", "admin_mentorship"):
        for secret in SECRETS:
            assert secret not in body, f"{secret} shown to {role} on {action}"
    else:
        assert "SECRET-GOAL" in body and "SECRET-NOTE" in body
    assert "mentee@example.net" not in body  # nobody's address, ever, on a mentoring page
    assert world["mentor"].user.email not in body


def test_the_matrix_covers_every_mentoring_url():
    from django.urls import get_resolver

    from mentoring import urls

    names = {pattern.name for pattern in urls.urlpatterns}
    covered = {
        "mentors",
        "mentor",
        "mine",
        "offer",
        "find",
        "detail",
        "add-goal",
        "add-note",
        "answer",
        "withdraw",
        "close",
        "lesson",
    }
    assert names == covered
    assert get_resolver()  # the project's URLs load with the app's
