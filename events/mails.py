"""Every e-mail a registrant gets, queued through the outbox (notifications.outbox.queue_mail)
in the registrant's language and in the caller's transaction: a registration that fails sends
nothing; one that commits is delivered by the worker, retried if the mail server is away.

Each message has a key, so running the same step twice never mails anyone twice, and each one
carries the signed link to the registrant's own page (status, joining details, cancellation).
"""

from django.utils import translation

from events import calendars, links
from events.models import RegistrationStatus
from notifications.links import absolute
from notifications.outbox import queue_mail


def _stamp(moment):
    return f"{moment.timestamp():.0f}" if moment else "0"


def _send(registration, kind, *, key, with_calendar=False, extra=None):
    event = registration.event
    with translation.override(registration.language):  # the links open the pages in their language
        context = {
            "registration": registration,
            "event": event,
            "event_url": absolute(event.get_absolute_url()),
            "manage_url": links.url_for(registration, links.MANAGE),
            "confirm_url": links.url_for(registration, links.CONFIRM),
            "show_joining": registration.status == RegistrationStatus.CONFIRMED,
            **(extra or {}),
        }
    attachments = []
    if with_calendar:
        ics = calendars.calendar([event], for_participant=registration.status == RegistrationStatus.CONFIRMED)
        attachments.append((f"{event.slug}.ics", ics, "text/calendar"))
    return queue_mail(
        to=registration.email,
        template=f"events/mail/{kind}",
        context=context,
        language=registration.language,
        key=key,
        attachments=attachments,
    )


def after_registering(registration):
    """The first message: your place (with the calendar), confirm your e-mail, or the waiting list."""
    if registration.status == RegistrationStatus.CONFIRMED:
        return confirmed(registration)
    if registration.status == RegistrationStatus.PENDING:
        return _send(
            registration,
            "confirm",
            key=f"event-confirm:{registration.pk}:{_stamp(registration.hold_expires_at)}",
        )
    return _send(registration, "waiting", key=f"event-waiting:{registration.pk}")


def confirmed(registration):
    return _send(registration, "confirmed", key=f"event-confirmed:{registration.pk}", with_calendar=True)


def promoted(registration):
    """A place came free for the first person waiting: theirs now, or held for them to confirm."""
    return _send(
        registration,
        "promoted",
        key=f"event-promoted:{registration.pk}:{_stamp(registration.promoted_at)}",
        with_calendar=registration.status == RegistrationStatus.CONFIRMED,
    )


def reminder(registration):
    event = registration.event
    return _send(
        registration,
        "reminder",
        key=f"event-reminder:{registration.pk}:{_stamp(event.starts_at)}",
        with_calendar=True,
    )


def event_changed(event, changes):
    """Staff changed the time or place: everyone still registered hears of it, with the new calendar."""
    count = 0
    for registration in event.registrations.active().select_related("event"):
        sent = _send(
            registration,
            "changed",
            key=f"event-changed:{registration.pk}:{event.sequence}",
            with_calendar=True,
            extra={"changes": changes},
        )
        count += sent is not None
    return count


def event_cancelled(event):
    count = 0
    for registration in event.registrations.active().select_related("event"):
        sent = _send(registration, "cancelled", key=f"event-cancelled:{registration.pk}", with_calendar=True)
        count += sent is not None
    return count


def staff_message(event, message):
    """A message from staff to every active registrant of the event (queued, sent by the worker)."""
    count = 0
    for registration in event.registrations.active().select_related("event"):
        sent = _send(
            registration,
            "message",
            key=f"event-message:{message.pk}:{registration.pk}",
            extra={"subject": message.subject, "body": message.body},
        )
        count += sent is not None
    return count
