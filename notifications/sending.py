"""Delivering queued mail: claim a message, send it, record the outcome.

A message is claimed with a conditional UPDATE (queued -> sending), so two workers never send
the same row, and no lock is held while the mail server is talked to. A failed send is tried
again later with a growing pause, up to MAX_ATTEMPTS; a worker that died mid-send leaves the row
"sending", and `send_reminders` puts such rows back in the queue after STALLED_AFTER (delivery is
at least once: a message whose sending was cut short by a crash may go out twice, never zero times).
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.utils import timezone

from notifications.models import OutgoingMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
STALLED_AFTER = timedelta(minutes=15)


def retry_delay(attempts):
    """1, 4, 16, 64, 256 minutes after the 1st, 2nd, ... failure."""
    return timedelta(minutes=4 ** (attempts - 1))


def as_email(mail):
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        headers=mail.headers or None,
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content_b64"]), attachment["mimetype"]
        )
    return message


def deliver(mail_id):
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED).update(
        status=OutgoingMail.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return "not queued"
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        as_email(mail).send()
    except Exception as error:  # any failure of the mail server or the network: try again later
        return _failed(mail, error)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def _failed(mail, error):
    from notifications.tasks import deliver as deliver_task

    detail = f"{type(error).__name__}: {error}"[:2000]
    if mail.attempts >= MAX_ATTEMPTS:
        logger.error("Giving up on mail %s after %s attempts: %s", mail.pk, mail.attempts, detail)
        OutgoingMail.objects.filter(pk=mail.pk).update(status=OutgoingMail.Status.FAILED, last_error=detail)
        return "failed"
    logger.warning("Mail %s not sent (attempt %s), will retry: %s", mail.pk, mail.attempts, detail)
    OutgoingMail.objects.filter(pk=mail.pk).update(status=OutgoingMail.Status.QUEUED, last_error=detail)
    deliver_task.using(run_after=timezone.now() + retry_delay(mail.attempts)).enqueue(mail.pk)
    return "retry"


def requeue_stalled(now):
    """Due notice for send_reminders: messages left 'sending' by a worker that died."""
    from notifications.tasks import deliver as deliver_task

    stalled = list(
        OutgoingMail.objects.filter(
            status=OutgoingMail.Status.SENDING, claimed_at__lt=now - STALLED_AFTER
        ).values_list("pk", flat=True)
    )
    for pk in stalled:
        if OutgoingMail.objects.filter(pk=pk, status=OutgoingMail.Status.SENDING).update(
            status=OutgoingMail.Status.QUEUED
        ):
            deliver_task.enqueue(pk)
    return len(stalled)
