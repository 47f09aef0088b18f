"""Registration, confirmation by signed link, waiting list, cancellation and promotion."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail as django_mail
from django.utils import timezone

from events import links
from events.models import Registration, RegistrationStatus
from events.registration import RegistrationRefused, cancel, confirm, register, settle_due
from notifications.models import OutgoingMail
from tests.events.helpers import applicant, make_event, sign_up
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def subjects():
    return sorted(OutgoingMail.objects.values_list("to", "subject"))


def test_an_anonymous_registration_holds_a_place_until_the_emailed_link_confirms_it(run_worker):
    event = make_event(title="Observer forum", capacity=2)

    registration = sign_up(event)

    assert registration.status == RegistrationStatus.PENDING
    assert event.places_left() == 1, "a pending registration holds its place"
    run_worker()
    [message] = django_mail.outbox
    assert message.subject == "Please confirm your place: Observer forum"
    # the links carry the time they were signed, so they are read back rather than rebuilt
    confirm_token = re.search(
        r"http://testserver/events/registration/([^/\s]+)/confirm/", message.body
    ).group(1)
    manage_token = re.search(r"http://testserver/events/registration/([^/\s]+)/\s", message.body).group(1)
    assert links.registration_for(confirm_token, links.CONFIRM) == registration
    assert links.registration_for(manage_token, links.MANAGE) == registration
    assert message.attachments == []

    confirm(registration)
    run_worker()

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.email_verified
    confirmation = django_mail.outbox[1]
    assert confirmation.subject == "Your place is confirmed: Observer forum"
    [(filename, content, mimetype)] = confirmation.attachments
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text and "SUMMARY:Observer forum" in text


def test_a_signed_in_person_whose_address_is_their_accounts_is_confirmed_at_once():
    event = make_event()
    user = make_user("ana", email="Ana@Example.org")

    registration = register(event, applicant(email="ana@example.org"), user=user)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.user == user
    assert OutgoingMail.objects.get().subject.startswith("Your place is confirmed")


def test_an_unconfirmed_hold_expires_and_the_place_goes_to_the_first_person_waiting():
    event = make_event(capacity=1)
    first = sign_up(event, 1)
    waiting = sign_up(event, 2)
    assert waiting.status == RegistrationStatus.WAITING
    assert waiting.waiting_position() == 1

    with time_machine.travel(timezone.now() + timedelta(hours=49)):
        assert settle_due() == 1

    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == RegistrationStatus.EXPIRED
    assert waiting.status == RegistrationStatus.PENDING, "an unconfirmed address must confirm first"
    assert waiting.promoted_at is not None
    assert ("person2@example.org", f"A place is free for you: {event.title}") in subjects()


def test_cancelling_frees_the_place_and_promotes_the_first_person_waiting_who_is_told():
    event = make_event(capacity=1)
    user = make_user("first", email="person1@example.org")
    first = register(event, applicant(1), user=user)
    second = register(event, applicant(2), user=make_user("second", email="person2@example.org"))
    third = sign_up(event, 3)
    assert [first.status, second.status, third.status] == ["confirmed", "waiting", "waiting"]

    cancel(first)

    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED, "their address is known: the place is theirs"
    assert third.status == RegistrationStatus.WAITING
    assert third.waiting_position() == 1
    promoted = OutgoingMail.objects.get(to="person2@example.org", subject__startswith="A place is free")
    assert "your place is confirmed" in promoted.text
    assert promoted.attachments[0]["filename"].endswith(".ics")


def test_a_second_registration_with_the_same_address_is_refused_with_a_clear_message():
    event = make_event()
    sign_up(event, 1)

    with pytest.raises(RegistrationRefused, match="already registered") as refusal:
        sign_up(event, 1, email="PERSON1@example.org ")

    assert refusal.value.status == 409
    assert Registration.objects.count() == 1
    assert OutgoingMail.objects.count() == 1


def test_after_cancelling_the_same_address_may_register_again():
    event = make_event()
    cancel(sign_up(event, 1))

    again = sign_up(event, 1)

    assert again.status == RegistrationStatus.PENDING
    assert Registration.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "closed"),
        ({"status": "cancelled"}, "closed"),
        ({"status": "draft"}, "closed"),
        ({"published_at": timezone.now() + timedelta(days=1)}, "closed"),
    ],
)
def test_registration_closes_at_its_time_when_the_event_is_cancelled_or_not_public(fields, message):
    event = make_event(**fields)

    with pytest.raises(RegistrationRefused, match=message):
        sign_up(event)

    assert Registration.objects.count() == 0
    assert OutgoingMail.objects.count() == 0


def test_registration_closes_when_the_event_starts():
    event = make_event(days=1)

    with time_machine.travel(event.starts_at + timedelta(seconds=1)), pytest.raises(RegistrationRefused):
        sign_up(event)


def test_signed_links_are_bound_to_one_registration_and_one_purpose_and_expire(settings):
    event = make_event()
    one, two = sign_up(event, 1), sign_up(event, 2)
    token = links.token_for(one, links.MANAGE)

    assert links.registration_for(token, links.MANAGE) == one
    with pytest.raises(links.BadLink):
        links.registration_for(token, links.CONFIRM)  # a manage link confirms nothing
    with pytest.raises(links.BadLink):
        links.registration_for(token.replace(f"{one.pk}.", f"{two.pk}.", 1), links.MANAGE)
    with pytest.raises(links.BadLink):
        links.registration_for(token[:-2] + ("AA" if not token.endswith("AA") else "BB"), links.MANAGE)
    later = timezone.now() + timedelta(days=settings.EVENTS_LINK_MAX_AGE_DAYS + 1)
    with time_machine.travel(later), pytest.raises(links.BadLink):
        links.registration_for(token, links.MANAGE)


def test_a_registration_that_fails_writes_nothing(monkeypatch):
    from events import mails

    event = make_event()

    def broken(registration):
        raise RuntimeError("template missing")

    monkeypatch.setattr(mails, "after_registering", broken)
    with pytest.raises(RuntimeError):
        sign_up(event)

    assert Registration.objects.count() == 0
    assert OutgoingMail.objects.count() == 0


def test_partner_only_events_follow_the_partner_rule(partner, visitor):
    event = make_event(access="partners")

    with pytest.raises(RegistrationRefused) as refusal:
        register(event, applicant(1), user=visitor)
    assert refusal.value.status == 403
    assert register(event, applicant(2), user=partner).status in ("pending", "confirmed")
