"""Staff: the events' workflow in the admin, registrations with the personal-data permission,
CSV export, attendance, messages to registrants, and news of a change or a cancellation."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventStatusChange, Registration
from events.roles import ORGANISERS
from library.roles import EDITORS, PUBLISHERS
from notifications.models import OutgoingMail
from tests.events.helpers import make_event, sign_up
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def event_fields(event=None, **overrides):
    start = (event.starts_at if event else timezone.now() + timedelta(days=20)).astimezone(
        timezone.get_current_timezone()
    )
    end = start + timedelta(hours=2)
    data = {
        "title": event.title if event else "Observer forum",
        "slug": event.slug if event else "observer-forum",
        "summary": "What observers learnt.",
        "agenda": "1. Welcome",
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": start.strftime("%H:%M:%S"),
        "ends_at_0": end.strftime("%Y-%m-%d"),
        "ends_at_1": end.strftime("%H:%M:%S"),
        "time_zone": "Africa/Nairobi",
        "format": "in-person",
        "venue": event.venue if event else "Library hall",
        "city": "Nairobi",
        "country": "KE",
        "joining_url": "",
        "joining_details": "",
        "languages": ["en"],
        "accessibility": "",
        "capacity": "10",
        "registration_closes_at_0": "",
        "registration_closes_at_1": "",
        "access": "public",
        "published_at_0": "",
        "published_at_1": "",
        "cancellation_note": "",
        "materials": "",
        "speakers-TOTAL_FORMS": "0",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor(db):
    return make_staff("editor", EDITORS)


@pytest.fixture
def publisher(db):
    return make_staff("publisher", PUBLISHERS)


@pytest.fixture
def organiser(db):
    return make_staff("organiser", ORGANISERS)


def test_the_roles_hold_the_event_permissions(editor, publisher, organiser):
    assert editor.has_perm("events.change_event") and not editor.has_perm("events.publish_event")
    assert publisher.has_perm("events.publish_event")
    assert not publisher.has_perm("events.view_registration"), "personal data needs its own role"
    assert organiser.has_perm("events.view_registration") and organiser.has_perm("events.export_registration")
    assert Group.objects.filter(name=ORGANISERS).exists()


def test_an_editor_writes_and_submits_a_publisher_publishes_with_history(client, editor, publisher):
    client.force_login(editor)
    response = client.post(reverse("admin:events_event_add"), event_fields())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.status == "draft" and event.created_by == editor
    client.post(
        reverse("admin:events_event_change", args=[event.pk]), event_fields(event, _transition="submit")
    )
    event.refresh_from_db()
    assert event.status == "review"
    refused = client.post(
        reverse("admin:events_event_change", args=[event.pk]), event_fields(event, _transition="publish")
    )
    assert refused.status_code == 403
    event.refresh_from_db()
    assert event.status == "review"

    client.force_login(publisher)
    client.post(
        reverse("admin:events_event_change", args=[event.pk]), event_fields(event, _transition="publish")
    )

    event.refresh_from_db()
    assert event.status == "published" and event.is_public
    assert list(EventStatusChange.objects.order_by("id").values_list("transition", flat=True)) == [
        "submit",
        "publish",
    ]
    from reversion.models import Version

    assert Version.objects.get_for_object(event).count() == 3, "added, submitted, published: each kept"
    assert Version.objects.get_for_object(event).first().revision.comment.endswith(" Publish.")
    assert client.get(reverse("admin:events_event_history", args=[event.pk])).status_code == 200


def test_a_publisher_schedules_an_event(client, publisher):
    event = make_event(status="review", published_at=None)
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    client.force_login(publisher)

    response = client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        event_fields(
            event,
            published_at_0=later.strftime("%Y-%m-%d"),
            published_at_1=later.strftime("%H:%M:%S"),
            _transition="publish",
        ),
        follow=True,
    )

    event.refresh_from_db()
    assert event.status == "published" and not event.is_public and event.is_scheduled
    assert f"Scheduled: “{event.title}” goes public on" in response.content.decode()
    assert client.get(event.get_absolute_url()).status_code == 200, "staff see it"
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404


def run_action(client, action, events):
    data = {"action": action, ACTION_CHECKBOX_NAME: [str(e.pk) for e in events], "index": "0"}
    return client.post(reverse("admin:events_event_changelist"), data, follow=True)


def test_bulk_moves_follow_each_role_and_say_what_moved(client, editor, publisher):
    in_review = make_event(status="review", published_at=None)
    draft = make_event(status="draft", published_at=None)
    client.force_login(editor)
    offered = client.get(reverse("admin:events_event_changelist")).content.decode()
    assert 'value="submit_for_review"' in offered
    for action in ("publish_now", "unpublish", "return_to_draft", "archive", "cancel"):
        assert f'value="{action}"' not in offered
    run_action(client, "publish_now", [in_review])
    assert Event.objects.get(pk=in_review.pk).status == "review"

    client.force_login(publisher)
    content = run_action(client, "publish_now", [in_review, draft]).content.decode()

    assert "1 event moved." in content and "1 event was left as it was" in content
    assert Event.objects.get(pk=in_review.pk).is_public
    assert Event.objects.get(pk=draft.pk).status == "draft"
    assert list(EventStatusChange.objects.values_list("transition", flat=True)) == ["publish"]


def test_the_event_form_links_registrations_and_messages_for_those_who_may(client, publisher, organiser):
    event = make_event()
    url = reverse("admin:events_event_change", args=[event.pk])
    registrations = reverse("admin:events_registration_changelist") + f"?event__id__exact={event.pk}"
    client.force_login(publisher)
    page = client.get(url).content.decode()
    assert 'class="module aligned workflow"' in page and "unpublish and cancel" in page
    assert registrations not in page
    client.force_login(organiser)
    page = client.get(url).content.decode()
    assert f'href="{registrations}"' in page
    assert organiser.has_perm("events.message_registrants") == (
        reverse("admin:events_event_message", args=[event.pk]) in page
    )


def test_cancelling_tells_every_registrant(client, publisher):
    event = make_event(capacity=1)
    sign_up(event, 1)
    sign_up(event, 2)
    OutgoingMail.objects.all().delete()
    client.force_login(publisher)

    client.post(
        reverse("admin:events_event_change", args=[event.pk]), event_fields(event, _transition="cancel")
    )

    event.refresh_from_db()
    assert event.status == "cancelled"
    mails = OutgoingMail.objects.filter(subject__startswith="Cancelled")
    assert sorted(mails.values_list("to", flat=True)) == ["person1@example.org", "person2@example.org"]
    assert (
        "STATUS:CANCELLED" in __import__("base64").b64decode(mails[0].attachments[0]["content_b64"]).decode()
    )


def test_a_change_of_time_or_place_tells_every_registrant_a_change_of_text_does_not(client, publisher):
    event = make_event()
    sign_up(event, 1)
    OutgoingMail.objects.all().delete()
    client.force_login(publisher)
    url = reverse("admin:events_event_change", args=[event.pk])

    client.post(url, event_fields(event, summary="A clearer summary."))
    assert OutgoingMail.objects.count() == 0
    client.post(url, event_fields(event, city="Mombasa"))

    [news] = OutgoingMail.objects.all()
    assert news.subject.startswith("Changed") and "city" in news.text
    event.refresh_from_db()
    assert event.sequence == 1


def test_raising_the_places_fills_them_from_the_waiting_list(client, publisher):
    event = make_event(capacity=1)
    sign_up(event, 1)
    waiting = sign_up(event, 2)
    client.force_login(publisher)

    client.post(reverse("admin:events_event_change", args=[event.pk]), event_fields(event, capacity="2"))

    waiting.refresh_from_db()
    assert waiting.status == "pending" and waiting.promoted_at is not None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"time_zone": "Mars/Olympus"}, "is not a time zone name"),
        ({"slug": "past"}, "taken by the events pages"),
        ({"city": "", "country": ""}, "needs its city and country"),
        ({"languages": []}, "This field is required"),
    ],
)
def test_a_bad_event_form_says_why_and_saves_nothing(client, editor, changes, message):
    client.force_login(editor)

    response = client.post(reverse("admin:events_event_add"), event_fields(**changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Event.objects.count() == 0


def test_registrations_are_personal_data_for_organisers_only(client, publisher, organiser):
    event = make_event()
    sign_up(event, 1)
    url = reverse("admin:events_registration_changelist")

    client.force_login(publisher)
    assert client.get(url).status_code == 403
    client.force_login(organiser)
    response = client.get(url + f"?event__id__exact={event.pk}&status__exact=pending")
    assert response.status_code == 200 and "person1@example.org" in response.content.decode()


def test_the_csv_export_is_formula_safe(client, organiser):
    event = make_event()
    sign_up(event, 1, name='=HYPERLINK("http://evil")', organisation="+cmd")
    client.force_login(organiser)

    response = client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "export_csv", "_selected_action": [str(r.pk) for r in Registration.objects.all()]},
    )

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["organisation"] == "'+cmd"
    assert rows[0]["email"] == "person1@example.org"


def test_organisers_mark_attendance(client, organiser):
    registration = sign_up(make_event(), 1)
    client.force_login(organiser)

    client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "mark_attended", "_selected_action": [str(registration.pk)]},
    )

    registration.refresh_from_db()
    assert registration.attended is True


def test_writing_to_every_registrant_queues_one_message_each_for_the_worker(
    client, organiser, publisher, run_worker, mailoutbox
):
    event = make_event(capacity=1)
    sign_up(event, 1)
    sign_up(event, 2)
    from events.registration import cancel

    cancel(sign_up(event, 3))
    url = reverse("admin:events_event_message", args=[event.pk])
    client.force_login(publisher)
    assert client.get(url).status_code == 403
    client.force_login(organiser)
    assert client.post(url, {"subject": "", "body": "x"}).status_code == 400

    response = client.post(
        url, {"subject": "Bring your notes", "body": "Please bring the notes of your project."}
    )

    assert response.status_code == 302
    run_worker()
    sent = sorted((m.to[0], m.subject) for m in mailoutbox if m.subject == "Bring your notes")
    assert sent == [("person1@example.org", "Bring your notes"), ("person2@example.org", "Bring your notes")]
    assert "Please bring the notes of your project." in mailoutbox[-1].body
    assert "/events/registration/" in mailoutbox[-1].body
