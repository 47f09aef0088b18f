"""The outbox: mail is stored and queued in the caller's transaction, delivered by the worker."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail as django_mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications import sending
from notifications.models import OutgoingMail
from notifications.outbox import queue_mail

pytestmark = pytest.mark.django_db


def queue(**overrides):
    arguments = {
        "to": "ana@example.org",
        "template": "notifications_test/hello",
        "context": {"name": "Ana"},
        "language": "en",
    } | overrides
    return queue_mail(**arguments)


def test_nothing_is_sent_in_the_callers_request_only_stored_and_queued():
    mail = queue()

    assert django_mail.outbox == []
    assert mail.status == OutgoingMail.Status.QUEUED
    task = DBTaskResult.objects.get()
    assert task.task_path == "notifications.tasks.deliver"
    assert task.args_kwargs == {"args": [mail.pk], "kwargs": {}}


def test_the_worker_delivers_it_rendered_in_the_recipients_language(run_worker):
    queue(language="fr", attachments=[("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")])

    assert run_worker() == 1

    [message] = django_mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "Bibliothèque de ressources sur la démocratie: Ana"
    assert message.body.startswith("Bibliothèque de ressources sur la démocratie\n")
    assert "Hello Ana & welcome <3" in message.body  # text is not HTML-escaped
    assert message.alternatives[0][0] == "<p>Hello Ana</p>\n"
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    assert content in ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    stored = OutgoingMail.objects.get()
    assert stored.status == OutgoingMail.Status.SENT and stored.sent_at is not None


def test_a_repeated_key_queues_nothing_and_sends_once(run_worker):
    assert queue(key="welcome:ana") is not None
    assert queue(key="welcome:ana") is None

    run_worker()

    assert len(django_mail.outbox) == 1
    assert OutgoingMail.objects.count() == 1


def test_a_change_that_rolls_back_queues_and_sends_nothing(run_worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the registration failed")

    assert run_worker() == 0
    assert OutgoingMail.objects.count() == 0
    assert django_mail.outbox == []


def test_a_failed_send_is_kept_and_retried_later(settings, run_worker, unused_tcp_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_tcp_port, 2
    mail = queue()

    run_worker()

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.QUEUED
    assert mail.attempts == 1
    assert "ConnectionRefusedError" in mail.last_error
    retry = DBTaskResult.objects.ready().count()
    assert retry == 0, "the retry waits for its time"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert run_worker() == 1

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert len(django_mail.outbox) == 1


def test_after_the_last_attempt_a_message_is_marked_failed(settings, unused_tcp_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_tcp_port, 2
    mail = queue()
    OutgoingMail.objects.filter(pk=mail.pk).update(attempts=sending.MAX_ATTEMPTS - 1)

    assert sending.deliver(mail.pk) == "failed"

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.FAILED


def test_a_message_is_sent_once_even_if_delivered_twice(run_worker):
    mail = queue()

    assert sending.deliver(mail.pk) == "sent"
    assert sending.deliver(mail.pk) == "not queued"
    run_worker()  # the queued task finds it sent

    assert len(django_mail.outbox) == 1


def test_send_reminders_requeues_mail_left_sending_by_a_dead_worker(run_worker):
    mail = queue()
    run_worker()
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.SENDING, claimed_at=timezone.now() - timedelta(hours=1)
    )
    fresh = queue(to="ben@example.org")
    OutgoingMail.objects.filter(pk=fresh.pk).update(
        status=OutgoingMail.Status.SENDING, claimed_at=timezone.now()
    )
    django_mail.outbox.clear()

    call_command("send_reminders")
    run_worker()

    assert [message.to for message in django_mail.outbox] == [["ana@example.org"]]
    fresh.refresh_from_db()
    assert fresh.status == OutgoingMail.Status.SENDING, "a message being sent right now is left alone"
