"""End to end: a message queued by the portal, delivered by the real worker command through a
real SMTP server on loopback (aiosmtpd), read back as the recipient's mail program would."""

import email
from email import policy

import pytest
from django.core.management import call_command

from notifications.models import OutgoingMail
from notifications.outbox import queue_mail


@pytest.mark.django_db(transaction=True)
def test_mail_travels_through_a_real_smtp_server_with_its_attachment(settings, smtp_server):
    controller, inbox = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", controller.port, False
    settings.DEFAULT_FROM_EMAIL = "library@example.org"
    calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n"
    queue_mail(
        to="ana@example.org",
        template="notifications_test/hello",
        context={"name": "Ana"},
        language="es",
        attachments=[("event.ics", calendar, "text/calendar")],
    )

    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False)

    [raw] = inbox.messages
    received = email.message_from_bytes(raw.as_bytes(), policy=policy.default)
    assert received["To"] == "ana@example.org"
    assert received["From"] == "library@example.org"
    assert received["Subject"] == "Biblioteca de recursos sobre democracia: Ana"
    body = received.get_body(preferencelist=("plain",)).get_content()
    assert "Hello Ana & welcome <3" in body
    [attachment] = list(received.iter_attachments())
    assert attachment.get_filename() == "event.ics"
    assert attachment.get_content_type() == "text/calendar"
    content = attachment.get_content()
    assert (content.decode() if isinstance(content, bytes) else content).replace(
        "\r\n", "\n"
    ) == calendar.replace("\r\n", "\n")
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT
