"""A registration's confirmation travels through the real worker command and a real SMTP server
on loopback (aiosmtpd), and is read back as a mail program would, calendar attachment included."""

import email
from email import policy

import pytest
from django.core.management import call_command
from icalendar import Calendar

from events.registration import confirm
from notifications.models import OutgoingMail
from tests.events.helpers import make_event, sign_up
from tests.reference_data import restore_reference_data


def received(raw):
    return email.message_from_bytes(raw.as_bytes(), policy=policy.default)


@pytest.mark.django_db(transaction=True)
def test_the_confirmation_with_its_calendar_goes_through_a_real_smtp_server(settings, smtp_server):
    restore_reference_data()
    controller, inbox = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", controller.port, False
    settings.DEFAULT_FROM_EMAIL = "events@example.org"
    event = make_event(title="Forum des observateurs", joining_url="https://meet.example.org/room")
    registration = sign_up(event, language="fr")

    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False)
    confirm(registration)
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False)

    first, second = (received(raw) for raw in inbox.messages)
    assert first["To"] == "person1@example.org" and first["From"] == "events@example.org"
    assert "Forum des observateurs" in first["Subject"]
    assert "/events/registration/" in first.get_body(preferencelist=("plain",)).get_content()
    assert list(first.iter_attachments()) == []
    body = second.get_body(preferencelist=("plain",)).get_content()
    assert "https://meet.example.org/room" in body
    [attachment] = list(second.iter_attachments())
    assert attachment.get_filename() == f"{event.slug}.ics"
    assert attachment.get_content_type() == "text/calendar"
    content = attachment.get_content()
    calendar = Calendar.from_ical(content if isinstance(content, bytes) else content.encode())
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Forum des observateurs"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert "https://meet.example.org/room" in str(vevent["DESCRIPTION"])
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}
    # the figure for BENCHMARKS.md: one confirmation e-mail as sent
    print(f"\nconfirmation e-mail: {len(inbox.messages[1].as_bytes())} bytes")


@pytest.mark.django_db
def test_the_worker_sends_each_step_in_the_registrants_language(run_worker, mailoutbox):
    event = make_event(title="Foro", capacity=1)
    sign_up(event, 1, language="es")
    sign_up(event, 2, language="ar")

    assert run_worker() == 2

    by_address = {message.to[0]: message for message in mailoutbox}
    assert by_address["person1@example.org"].subject == "Confirme su plaza: Foro"
    assert "Hola, Person 1:" in by_address["person1@example.org"].body
    assert "http://testserver/es/events/registration/" in by_address["person1@example.org"].body
    assert by_address["person2@example.org"].subject == "أنت على قائمة الانتظار: Foro"
    assert "مرحباً Person 2،" in by_address["person2@example.org"].body


@pytest.mark.django_db
def test_a_failed_send_leaves_the_registration_and_the_worker_retries(settings, run_worker, unused_tcp_port):
    import time_machine
    from django.utils import timezone

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_tcp_port, 2
    registration = sign_up(make_event())

    run_worker()

    registration.refresh_from_db()
    assert registration.status == "pending"
    mail = OutgoingMail.objects.get()
    assert mail.status == "queued" and mail.attempts == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=2)):
        assert run_worker() == 1
    mail.refresh_from_db()
    assert mail.status == "sent"
