"""Due notices run by `manage.py send_reminders` (registered in EventsConfig.ready()).

Each is idempotent: reminders carry a key per registration and start time (a rescheduled event
reminds again, a second run sends nothing), holds expire once, personal data is deleted once.
"""

from datetime import timedelta

from django.conf import settings

from events import mails, registration
from events.models import Event, Registration, RegistrationStatus, new_token

REMINDER_BEFORE = timedelta(hours=24)


def release_expired_holds(now):
    return registration.settle_due(now)


def send_event_reminders(now):
    """A reminder 24 hours before the start to everyone with a confirmed place."""
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        event__in=Event.objects.public()
        .active()
        .filter(starts_at__gt=now, starts_at__lte=now + REMINDER_BEFORE),
    ).select_related("event")
    return sum(mails.reminder(entry) is not None for entry in due)


def forget_registrants(now):
    """Delete registrants' personal data EVENTS_KEEP_PERSONAL_DATA_DAYS after their event ended.
    The rows stay (status, attendance, country and language), so counts and attendance figures do."""
    cutoff = now - timedelta(days=settings.EVENTS_KEEP_PERSONAL_DATA_DAYS)
    stale = Registration.objects.filter(event__ends_at__lte=cutoff, anonymised_at__isnull=True)
    count = 0
    for entry in stale.only("pk"):
        Registration.objects.filter(pk=entry.pk).update(
            name="", email="", organisation="", needs="", user=None, token=new_token(), anonymised_at=now
        )
        count += 1
    return count
