"""send_reminders: reminders 24 hours before, held places released, personal data deleted; idempotent."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from events import links
from events.models import Registration, RegistrationStatus
from notifications.models import OutgoingMail
from tests.events.helpers import make_event, sign_up
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def confirmed(event, number):
    from events.registration import confirm

    return confirm(sign_up(event, number))


def test_a_reminder_goes_once_to_each_confirmed_person_24_hours_before(run_worker, mailoutbox):
    soon = make_event(title="Soon", starts_at=timezone.now() + timedelta(hours=20))
    later = make_event(title="Later", days=3)
    first, _pending = confirmed(soon, 1), sign_up(soon, 2)
    confirmed(later, 3)
    OutgoingMail.objects.all().delete()

    call_command("send_reminders")
    call_command("send_reminders")

    reminders = OutgoingMail.objects.filter(subject__startswith="Tomorrow")
    assert list(reminders.values_list("to", flat=True)) == [first.email]
    run_worker()
    [message] = [m for m in mailoutbox if m.subject.startswith("Tomorrow")]
    assert message.attachments[0][0] == f"{soon.slug}.ics"


def test_a_rescheduled_event_reminds_again_a_cancelled_one_never():
    event = make_event(starts_at=timezone.now() + timedelta(hours=10))
    cancelled = make_event(starts_at=timezone.now() + timedelta(hours=10))
    confirmed(event, 1)
    confirmed(cancelled, 2)
    cancelled.status = "cancelled"
    cancelled.save()
    call_command("send_reminders")
    event.starts_at += timedelta(hours=5)
    event.ends_at += timedelta(hours=5)
    event.save()

    call_command("send_reminders")

    assert OutgoingMail.objects.filter(subject__startswith="Tomorrow", to="person1@example.org").count() == 2
    assert not OutgoingMail.objects.filter(subject__startswith="Tomorrow", to="person2@example.org").exists()


def test_holds_that_ran_out_are_released_and_given_to_the_next_person(settings):
    event = make_event(capacity=1, days=5)
    first = sign_up(event, 1)
    second = sign_up(event, 2)

    with time_machine.travel(timezone.now() + timedelta(hours=settings.EVENTS_CONFIRMATION_HOURS + 1)):
        call_command("send_reminders")
        call_command("send_reminders")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (RegistrationStatus.EXPIRED, RegistrationStatus.PENDING)
    assert OutgoingMail.objects.filter(to=second.email, subject__startswith="A place is free").count() == 1


def test_personal_data_is_deleted_the_configured_days_after_the_event_keeping_the_counts(settings):
    settings.EVENTS_KEEP_PERSONAL_DATA_DAYS = 30
    event = make_event(days=1)
    kept = make_event(days=10)
    user = make_user("ana", email="ana@example.org")
    from events.registration import register
    from tests.events.helpers import applicant

    registration = register(
        event, applicant(1, email="ana@example.org", organisation="Civic", needs="Ramp"), user=user
    )
    Registration.objects.filter(pk=registration.pk).update(attended=True)
    other = sign_up(kept, 2)
    old_link = links.token_for(registration, links.MANAGE)

    with time_machine.travel(event.ends_at + timedelta(days=31)):
        call_command("send_reminders")
        call_command("send_reminders")

    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.organisation, registration.needs) == (
        "",
        "",
        "",
        "",
    )
    assert registration.user is None and registration.anonymised_at is not None
    assert registration.attended is True and registration.status == RegistrationStatus.CONFIRMED
    assert event.registrations.count() == 1
    other.refresh_from_db()
    assert other.email == "person2@example.org", "a later event keeps its registrants"
    with pytest.raises(links.BadLink):
        links.registration_for(old_link, links.MANAGE)
