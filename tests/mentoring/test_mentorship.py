"""Goals and session notes, closing with lessons, the case-study draft, reminders, ended memberships."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from casestudies.models import CaseStudy
from library.models import Membership, Resource
from mentoring.models import Goal, Lesson, Mentorship, SessionNote, Status
from mentoring.reminders import mentoring_notices
from notifications.models import OutgoingMail
from tests.factories import make_partner
from tests.mentoring.helpers import make_mentor, make_mentorship

pytestmark = pytest.mark.django_db


@pytest.fixture
def active(mentee, mentor):
    return make_mentorship(mentee, mentor, status=Status.ACTIVE)


def test_both_people_add_goals_and_notes_and_both_read_them(client, active, mentee, mentor):
    client.force_login(mentee)
    assert (
        client.post(f"/mentoring/{active.pk}/goals/", {"goal-text": "Forty trained observers"}).status_code
        == 302
    )
    client.force_login(mentor.user)
    today = timezone.localdate().isoformat()
    response = client.post(
        f"/mentoring/{active.pk}/notes/", {"note-met_on": today, "note-text": "Planned the training."}
    )
    assert response.status_code == 302
    for person in (mentee, mentor.user):
        client.force_login(person)
        page = client.get(f"/mentoring/{active.pk}/").content.decode()
        assert "Forty trained observers" in page and "Planned the training." in page
    assert Goal.objects.get().author == mentee and SessionNote.objects.get().author == mentor.user


@pytest.mark.parametrize(
    "url, data",
    [
        ("goals", {"goal-text": ""}),
        ("goals", {"goal-text": "x" * 400}),
        ("notes", {"note-met_on": "not a date", "note-text": "x"}),
        ("notes", {"note-met_on": "2999-01-01", "note-text": "A session in the future"}),
        ("notes", {"note-met_on": "1999-01-01", "note-text": "Too old"}),
        ("notes", {"note-met_on": "2026-01-01", "note-text": ""}),
    ],
)
def test_a_bad_goal_or_note_is_a_400_and_saves_nothing(client, active, mentee, url, data):
    client.force_login(mentee)
    response = client.post(f"/mentoring/{active.pk}/{url}/", data)
    assert response.status_code == 400
    assert 'class="field-errors"' in response.content.decode()
    assert not Goal.objects.exists() and not SessionNote.objects.exists()


def test_goals_and_notes_wait_until_the_mentorship_is_active(client, mentee, mentor):
    waiting = make_mentorship(mentee, mentor)
    client.force_login(mentee)
    response = client.post(f"/mentoring/{waiting.pk}/goals/", {"goal-text": "Too early"})
    assert response.status_code == 409
    assert not Goal.objects.exists()


def test_closing_asks_both_for_lessons_and_the_case_study_draft_takes_only_shared_ones(
    client, active, mentee, mentor, run_worker, mailoutbox, django_user_model
):
    Goal.objects.create(mentorship=active, author=mentee, text="Forty trained observers")
    client.force_login(mentee)
    assert client.post(f"/mentoring/{active.pk}/close/").status_code == 302
    active.refresh_from_db()
    assert active.status == Status.COMPLETED and active.closed_by == mentee
    run_worker()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([mentee.email, mentor.user.email])
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert "what did you learn" in subjects[mentee.email]
    assert "qué aprendió" in subjects[mentor.user.email]  # the mentor's profile is in Spanish

    response = client.post(
        f"/mentoring/{active.pk}/lesson/", {"lesson-text": "Recruit early.", "lesson-consent": "on"}
    )
    assert response.status_code == 302
    client.force_login(mentor.user)
    client.post(f"/mentoring/{active.pk}/lesson/", {"lesson-text": "A private lesson of mine."})
    assert Lesson.objects.count() == 2

    admin_user = django_user_model.objects.create_superuser("root", "root@fund.example", "pw-long-enough")
    client.force_login(admin_user)
    page = client.get(f"/admin/mentoring/mentorship/{active.pk}/change/").content.decode()
    assert "Write a case-study draft from the lessons" in page
    response = client.post(f"/admin/mentoring/mentorship/{active.pk}/case-study/")
    case_study = CaseStudy.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/casestudies/casestudy/{case_study.pk}/change/"
    )
    assert case_study.status == "draft" and case_study.created_by == admin_user
    assert "Recruit early." in case_study.lessons_learned
    assert "private lesson" not in case_study.lessons_learned  # no consent, not used
    for name in (mentee.get_full_name(), mentee.username, mentor.display_name, mentor.user.username):
        assert name not in case_study.lessons_learned + case_study.body + case_study.title
    assert "Forty trained observers" in case_study.body
    assert list(case_study.themes.values_list("slug", flat=True)) == ["electoral-processes"]
    assert not Resource.objects.published().filter(pk=case_study.pk).exists()
    # one click: a second click opens the same draft
    client.post(f"/admin/mentoring/mentorship/{active.pk}/case-study/")
    assert CaseStudy.objects.count() == 1
    active.refresh_from_db()
    assert active.case_study == case_study


def test_without_consent_no_draft_is_written(client, active, mentee, django_user_model):
    active.status = Status.COMPLETED
    active.save()
    Lesson.objects.create(mentorship=active, author=mentee, text="Mine only.", consent=False)
    client.force_login(
        django_user_model.objects.create_superuser("root", "root@fund.example", "pw-long-enough")
    )
    response = client.post(f"/admin/mentoring/mentorship/{active.pk}/case-study/", follow=True)
    assert "agreed to share" in response.content.decode()
    assert not CaseStudy.objects.exists()


def test_an_editor_without_mentoring_permission_cannot_write_the_draft(client, active, mentee):
    from library import roles
    from tests.factories import make_staff

    active.status = Status.COMPLETED
    active.save()
    Lesson.objects.create(mentorship=active, author=mentee, text="Shared.", consent=True)
    client.force_login(make_staff("ed", roles.EDITORS))
    assert client.post(f"/admin/mentoring/mentorship/{active.pk}/case-study/").status_code == 403
    assert not CaseStudy.objects.exists()


def test_only_the_two_people_write_lessons_and_only_once_closed(client, active, mentee):
    client.force_login(mentee)
    assert client.post(f"/mentoring/{active.pk}/lesson/", {"lesson-text": "Too early"}).status_code == 409
    client.force_login(make_partner("stranger"))
    assert client.post(f"/mentoring/{active.pk}/lesson/", {"lesson-text": "Not mine"}).status_code == 404
    assert not Lesson.objects.exists()


def test_quiet_mentorships_are_reminded_once_per_span(
    active, mentee, mentor, settings, run_worker, mailoutbox
):
    settings.MENTORING_REMINDER_WEEKS = 3
    now = timezone.now()
    Mentorship.objects.filter(pk=active.pk).update(started_at=now - timedelta(weeks=5))
    recent = make_mentorship(make_partner("busy"), make_mentor("busymentor"), status=Status.ACTIVE)
    Mentorship.objects.filter(pk=recent.pk).update(started_at=now - timedelta(weeks=8))
    SessionNote.objects.create(
        mentorship=recent,
        author=recent.mentee,
        met_on=now.date(),
        text="We met.",
        created_at=now - timedelta(days=2),
    )

    assert mentoring_notices(now) == 2  # both people of the quiet one
    assert mentoring_notices(now) == 0  # a rerun sends nothing
    run_worker()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([mentee.email, mentor.user.email])
    bodies = {m.to[0]: m.body for m in mailoutbox}
    assert "for 3 weeks" in bodies[mentee.email]
    assert "desde hace 3 semanas" in bodies[mentor.user.email]
    # another quiet span (8 weeks since the start): one more reminder each
    assert mentoring_notices(now + timedelta(days=18)) == 2
    # a note starts the count again
    SessionNote.objects.create(
        mentorship=active, author=mentee, met_on=now.date(), text="Met at last.", created_at=now
    )
    assert mentoring_notices(now + timedelta(weeks=2)) == 0


def test_send_reminders_runs_the_mentoring_hook(active, capsys):
    Mentorship.objects.filter(pk=active.pk).update(started_at=timezone.now() - timedelta(weeks=10))
    call_command("send_reminders")
    assert "mentoring.reminders.mentoring_notices: 2" in capsys.readouterr().out
    call_command("send_reminders")
    assert "mentoring.reminders.mentoring_notices: 0" in capsys.readouterr().out
    assert OutgoingMail.objects.filter(key__startswith="mentoring-reminder:").count() == 2


def test_ending_a_membership_hides_the_mentor_and_closes_open_requests(client, mentee, mentor):
    waiting_for_mentor = make_mentorship(make_partner("asker"), mentor)
    own_request = make_mentorship(mentee, make_mentor("another"))
    going_on = make_mentorship(make_partner("ongoing"), mentor, status=Status.ACTIVE)

    membership = Membership.objects.get(user=mentor.user)
    membership.ended = timezone.now()
    membership.save()
    waiting_for_mentor.refresh_from_db()
    assert waiting_for_mentor.status == Status.DECLINED
    going_on.refresh_from_db()
    assert going_on.status == Status.ACTIVE  # a mentorship under way is the two people's to close

    # a bulk end (the admin's "End these memberships now") is caught by send_reminders
    Membership.objects.filter(user=mentee).update(ended=timezone.now())
    assert Mentorship.objects.get(pk=own_request.pk).status == Status.REQUESTED
    call_command("send_reminders")
    assert Mentorship.objects.get(pk=own_request.pk).status == Status.WITHDRAWN

    client.force_login(make_partner("looker"))
    assert mentor.display_name not in client.get("/mentors/").content.decode()
    assert client.get(f"/mentors/{mentor.pk}/").status_code == 404


def test_the_account_section_counts_open_items(client, mentee, mentor):
    make_mentorship(mentee, mentor)
    make_mentorship(mentee, make_mentor("two"), status=Status.COMPLETED)
    client.force_login(mentee)
    page = client.get("/accounts/").content.decode()
    assert "Your requests and mentorships</a> (1)" in page


def test_pages_of_a_person_with_many_mentorships_take_a_fixed_number_of_queries(
    client, mentee, mentor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = make_mentorship(mentee, mentor, status=Status.ACTIVE)
    Goal.objects.create(mentorship=first, author=mentee, text="One goal")
    SessionNote.objects.create(mentorship=first, author=mentee, met_on="2026-11-01", text="One note")
    client.force_login(mentee)
    with CaptureQueriesContext(connection) as few_list:
        client.get("/mentoring/")
    with CaptureQueriesContext(connection) as few_detail:
        client.get(f"/mentoring/{first.pk}/")
    for number in range(15):
        make_mentorship(mentee, make_mentor(f"many{number}"), status=Status.COMPLETED)
        Goal.objects.create(mentorship=first, author=mentee, text=f"Goal {number}")
        SessionNote.objects.create(
            mentorship=first, author=mentor.user, met_on="2026-11-02", text=f"Note {number}"
        )
    with django_assert_max_num_queries(len(few_list.captured_queries)):
        assert client.get("/mentoring/").status_code == 200
    with django_assert_max_num_queries(len(few_detail.captured_queries)):
        response = client.get(f"/mentoring/{first.pk}/")
    assert response.content.decode().count("Note ") >= 15


def test_staff_changing_a_mentors_countries_in_the_admin_updates_the_region_filter(
    client, mentor, django_user_model
):
    from library.models import Country, Theme

    client.force_login(
        django_user_model.objects.create_superuser("root", "root@fund.example", "pw-long-enough")
    )
    response = client.post(
        f"/admin/mentoring/mentorprofile/{mentor.pk}/change/",
        {
            "display_name": mentor.display_name,
            "biography": mentor.biography,
            "themes": [t.pk for t in Theme.objects.filter(slug="electoral-processes")],
            "countries": [Country.objects.get(code="JP").pk],
            "years_of_experience": "5",
            "capacity": "2",
            "accepting": "on",
            "status": "approved",
            "languages-TOTAL_FORMS": "0",
            "languages-INITIAL_FORMS": "0",
            "region_index-TOTAL_FORMS": "0",
            "region_index-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(mentor.region_index.values_list("region", flat=True)) == {"eastern-asia", "asia"}
