"""Asking a mentor, asking the fund, the mentor's answer, withdrawing, /mentoring/, and their mail."""

import pytest
from django.contrib.auth.models import Permission

from library.models import Theme
from mentoring.models import Mentorship, Status
from notifications.models import OutgoingMail
from tests.factories import make_organisation, make_partner, make_user
from tests.mentoring.helpers import make_mentor, make_mentorship

pytestmark = pytest.mark.django_db


def ask_data(**changes):
    values = {
        "goal": "Train forty observers for the municipal elections.",
        "theme": str(Theme.objects.get(slug="electoral-processes").pk),
        "meeting_language": "es",
        "frequency": "fortnightly",
    }
    values.update(changes)
    return values


def test_a_member_asks_a_mentor_who_is_mailed_in_their_language(
    client, mentee, mentor, run_worker, mailoutbox
):
    client.force_login(mentee)
    response = client.post(f"/mentors/{mentor.pk}/", ask_data())
    mentorship = Mentorship.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/mentoring/{mentorship.pk}/"
    assert (mentorship.mentee, mentorship.mentor, mentorship.status) == (mentee, mentor, Status.REQUESTED)
    assert mentorship.mentee_language == "en"
    assert mentorship.region == "africa"  # the mentee's organisation is in Kenya
    run_worker()
    (message,) = mailoutbox
    assert message.to == [mentor.user.email]
    assert f"http://testserver/es/mentoring/{mentorship.pk}/" in message.body  # the mentor's language
    assert mentee.email not in message.body  # contact goes through the portal


def test_asking_in_french_stores_french_as_the_mentees_mail_language(client, mentee, mentor):
    client.force_login(mentee)
    client.post(f"/fr/mentors/{mentor.pk}/", ask_data())
    assert Mentorship.objects.get().mentee_language == "fr"


@pytest.mark.parametrize(
    "changes",
    [
        {"goal": ""},
        {"theme": "999999"},
        {"theme": "nope"},
        {"meeting_language": "xx"},
        {"frequency": "hourly"},
        {"goal": "x" * 3000},
    ],
)
def test_a_bad_request_is_a_400_and_nothing_is_asked(client, mentee, mentor, changes):
    client.force_login(mentee)
    response = client.post(f"/mentors/{mentor.pk}/", ask_data(**changes))
    assert response.status_code == 400
    assert 'class="field-errors"' in response.content.decode()
    assert not Mentorship.objects.exists() and not OutgoingMail.objects.exists()


def test_the_theme_must_be_one_the_mentor_offers(client, mentee, mentor):
    client.force_login(mentee)
    other = Theme.objects.get(slug="youth-engagement")
    assert client.post(f"/mentors/{mentor.pk}/", ask_data(theme=str(other.pk))).status_code == 400


def test_a_mentor_at_capacity_cannot_be_asked(client, mentee):
    full = make_mentor("full", capacity=1)
    make_mentorship(make_partner("other"), full, status=Status.ACTIVE)
    client.force_login(mentee)
    page = client.get(f"/mentors/{full.pk}/").content.decode()
    assert "cannot take another mentee" in page and 'name="goal"' not in page
    response = client.post(f"/mentors/{full.pk}/", ask_data())
    assert response.status_code == 409
    assert "no room" in response.content.decode()
    assert Mentorship.objects.filter(mentee=mentee).count() == 0


def test_a_mentor_not_taking_requests_cannot_be_asked(client, mentee):
    resting = make_mentor("resting", accepting=False)
    client.force_login(mentee)
    assert client.post(f"/mentors/{resting.pk}/", ask_data()).status_code == 409


def test_nobody_asks_themselves_or_the_same_mentor_twice(client, mentee, mentor):
    client.force_login(mentor.user)
    page = client.get(f"/mentors/{mentor.pk}/").content.decode()
    assert "This is your own profile" in page
    assert client.post(f"/mentors/{mentor.pk}/", ask_data()).status_code == 403
    client.force_login(mentee)
    assert client.post(f"/mentors/{mentor.pk}/", ask_data()).status_code == 302
    response = client.post(f"/mentors/{mentor.pk}/", ask_data())
    assert response.status_code == 409
    assert "already have an open request" in response.content.decode()


def test_staff_who_are_not_partners_see_profiles_but_cannot_ask(client, staff, mentor):
    client.force_login(staff)
    page = client.get(f"/mentors/{mentor.pk}/")
    assert page.status_code == 200 and 'name="goal"' not in page.content.decode()
    assert client.post(f"/mentors/{mentor.pk}/", ask_data()).status_code == 403


def test_requests_are_rate_limited_per_person(client, mentee, settings):
    settings.MENTORING_REQUESTS_PER_DAY = 2
    mentors = [make_mentor(f"m{n}") for n in range(3)]
    client.force_login(mentee)
    assert client.post(f"/mentors/{mentors[0].pk}/", ask_data()).status_code == 302
    assert client.post("/mentoring/find/", ask_data()).status_code == 302
    response = client.post(f"/mentors/{mentors[2].pk}/", ask_data())
    assert response.status_code == 429
    assert "2 requests for mentoring a day" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert Mentorship.objects.count() == 2
    # another person is not held back
    client.force_login(make_partner("second"))
    assert client.post(f"/mentors/{mentors[2].pk}/", ask_data()).status_code == 302


def test_the_mentor_accepts_and_the_mentee_is_mailed_in_theirs(
    client, mentee, mentor, run_worker, mailoutbox
):
    mentorship = make_mentorship(mentee, mentor, mentee_language="ar")
    client.force_login(mentor.user)
    page = client.get(f"/mentoring/{mentorship.pk}/").content.decode()
    assert 'name="decision"' in page
    assert mentee.email not in page
    response = client.post(
        f"/mentoring/{mentorship.pk}/answer/", {"decision": "accept", "message": "Gladly."}
    )
    assert response.status_code == 302
    mentorship.refresh_from_db()
    assert mentorship.status == Status.ACTIVE and mentorship.answer == "Gladly." and mentorship.started_at
    run_worker()
    (message,) = mailoutbox
    assert message.to == [mentee.email]
    assert f"http://testserver/ar/mentoring/{mentorship.pk}/" in message.body
    assert "Gladly." in message.body
    # a second answer is refused with a message, and changes nothing
    response = client.post(f"/mentoring/{mentorship.pk}/answer/", {"decision": "decline"})
    assert response.status_code == 409
    mentorship.refresh_from_db()
    assert mentorship.status == Status.ACTIVE


def test_the_mentor_declines_with_a_message(client, mentee, mentor, run_worker, mailoutbox):
    mentorship = make_mentorship(mentee, mentor)
    client.force_login(mentor.user)
    client.post(
        f"/mentoring/{mentorship.pk}/answer/", {"decision": "decline", "message": "Travelling, sorry."}
    )
    mentorship.refresh_from_db()
    assert mentorship.status == Status.DECLINED and mentorship.answered_at
    run_worker()
    assert "declined" in mailoutbox[0].subject and "Travelling, sorry." in mailoutbox[0].body


def test_an_answer_that_is_not_understood_is_a_400(client, mentee, mentor):
    mentorship = make_mentorship(mentee, mentor)
    client.force_login(mentor.user)
    response = client.post(f"/mentoring/{mentorship.pk}/answer/", {"decision": "maybe"})
    assert response.status_code == 400
    mentorship.refresh_from_db()
    assert mentorship.status == Status.REQUESTED


def test_a_full_mentor_cannot_accept_one_more(client, mentee):
    mentor = make_mentor("busy", capacity=1)
    make_mentorship(make_partner("first"), mentor, status=Status.ACTIVE)
    waiting = make_mentorship(mentee, mentor)
    client.force_login(mentor.user)
    response = client.post(f"/mentoring/{waiting.pk}/answer/", {"decision": "accept"})
    assert response.status_code == 409
    waiting.refresh_from_db()
    assert waiting.status == Status.REQUESTED


def test_the_mentee_withdraws_and_the_mentor_is_told(client, mentee, mentor, run_worker, mailoutbox):
    mentorship = make_mentorship(mentee, mentor)
    client.force_login(mentee)
    assert client.post(f"/mentoring/{mentorship.pk}/withdraw/").status_code == 302
    mentorship.refresh_from_db()
    assert mentorship.status == Status.WITHDRAWN
    run_worker()
    assert mailoutbox[0].to == [mentor.user.email]
    assert client.post(f"/mentoring/{mentorship.pk}/withdraw/").status_code == 409


def test_my_mentoring_lists_requests_and_mentorships_with_their_status(client, mentee, mentor):
    other = make_mentor("other", name="Other Mentor")
    for status, who in [
        (Status.REQUESTED, mentor),
        (Status.ACTIVE, other),
        (Status.DECLINED, mentor),
        (Status.COMPLETED, other),
        (Status.WITHDRAWN, mentor),
    ]:
        make_mentorship(mentee, who, status=status)
    stranger = make_mentorship(make_partner("stranger"), other, goal="Someone else's goal")
    client.force_login(mentee)
    response = client.get("/mentoring/")
    page = response.content.decode()
    assert response.status_code == 200
    for label in ("Requested", "Active", "Declined", "Completed", "Withdrawn"):
        assert label in page
    assert f"/mentoring/{stranger.pk}/" not in page
    client.force_login(mentor.user)
    page = client.get("/mentoring/").content.decode()
    assert "As a mentor" in page and page.count("mentoring-status--") == 3


def test_asking_the_fund_then_staff_assign_a_suggested_mentor(client, mentee, run_worker, mailoutbox):
    good = make_mentor(
        "good",
        name="Good Fit",
        themes=("rule-of-law-and-human-rights",),
        languages=("fr",),
        countries=("SN",),
        tags=("legal aid",),
        capacity=2,
    )
    make_mentor("weak", name="Weak Fit", themes=("youth-engagement",), languages=("en",), countries=("PE",))
    full = make_mentor("full", name="Full Fit", themes=("rule-of-law-and-human-rights",), capacity=1)
    make_mentorship(make_partner("x"), full, status=Status.ACTIVE)
    client.force_login(mentee)
    theme = Theme.objects.get(slug="rule-of-law-and-human-rights")
    response = client.post(
        "/mentoring/find/",
        ask_data(theme=str(theme.pk), meeting_language="fr", goal="Set up legal aid for activists."),
    )
    request = Mentorship.objects.get(mentee=mentee)
    assert response.status_code == 302 and request.mentor is None
    run_worker()
    assert mailoutbox == []  # no mentor to tell yet

    coordinator = make_user("coordinator", is_staff=True)
    coordinator.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="mentoring", codename__in=["view_mentorship", "change_mentorship"]
        )
    )
    client.force_login(coordinator)
    response = client.get(f"/admin/mentoring/mentorship/{request.pk}/match/")
    assert response.status_code == 200
    suggestions = response.context["suggestions"]
    assert [s.mentor.display_name for s in suggestions] == [
        "Good Fit",
        "Weak Fit",
    ]  # the full one is left out
    best = suggestions[0]
    assert best.score == 3 + 1 + 2 + 2 + 2
    page = response.content.decode()
    for reason in (
        "offers the theme",
        "the goal mentions “legal aid”",
        "mentors in French",
        "knows Africa",
        "2 places left",
    ):
        assert reason in page

    response = client.post(f"/admin/mentoring/mentorship/{request.pk}/match/", {"mentor": good.pk})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.mentor == good and request.status == Status.REQUESTED
    run_worker()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([good.user.email, mentee.email])
    # a second assignment is refused
    client.post(f"/admin/mentoring/mentorship/{request.pk}/match/", {"mentor": full.pk})
    request.refresh_from_db()
    assert request.mentor == good


def test_the_matching_page_needs_the_permission(client, mentee, staff):
    request = make_mentorship(mentee, None)
    client.force_login(staff)
    assert client.get(f"/admin/mentoring/mentorship/{request.pk}/match/").status_code == 403
    assert client.post(f"/admin/mentoring/mentorship/{request.pk}/match/", {"mentor": "1"}).status_code == 403


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1"])
def test_assigning_a_mentor_that_is_no_choice_changes_nothing(client, mentee, value, django_user_model):
    request = make_mentorship(mentee, None)
    client.force_login(django_user_model.objects.create_superuser("root", "r@fund.example", "pw-long-enough"))
    response = client.post(f"/admin/mentoring/mentorship/{request.pk}/match/", {"mentor": value})
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.mentor is None


def test_a_person_outside_partners_cannot_ask_the_fund(client, visitor):
    client.force_login(visitor)
    assert client.get("/mentoring/find/").status_code == 403
    assert client.post("/mentoring/find/", ask_data()).status_code == 403
    make_organisation("unused")
    assert not Mentorship.objects.exists()


def test_a_person_whose_username_is_an_address_is_never_named_by_it(client, mentor):
    mentee = make_partner("ana@example.net", email="ana@example.net")
    mentorship = make_mentorship(mentee, mentor, status=Status.ACTIVE)
    from mentoring.models import SessionNote

    SessionNote.objects.create(mentorship=mentorship, author=mentee, met_on="2026-11-01", text="We met.")
    client.force_login(mentor.user)
    for url in ("/mentoring/", f"/mentoring/{mentorship.pk}/"):
        page = client.get(url).content.decode()
        assert "ana@example.net" not in page
        assert "A partner member" in page


def test_an_action_asked_with_get_is_a_405_with_a_message(client, mentee, mentor):
    mentorship = make_mentorship(mentee, mentor)
    client.force_login(mentee)
    response = client.get(f"/mentoring/{mentorship.pk}/withdraw/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "form on the mentorship" in response.content.decode()
    mentorship.refresh_from_db()
    assert mentorship.status == Status.REQUESTED
    client.force_login(make_partner("stranger"))
    assert client.get(f"/mentoring/{mentorship.pk}/withdraw/").status_code == 404  # nothing given away
