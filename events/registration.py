"""Registering, confirming, cancelling and the waiting list, with capacity enforced exactly.

Every change of who holds a place happens with the event's row locked (SELECT ... FOR UPDATE on
PostgreSQL; SQLite serialises writers itself), so fifty people registering at once for the last
five places give five places and forty-five waiting-list entries, never a sixth place. Under the
same lock `settle()` first releases holds that were not confirmed in time and gives freed places
to the people waiting, in the order they registered, before any newcomer is counted.

A place is *held* by a confirmed registration, or by a pending one (an e-mail address not yet
confirmed) until its hold expires: no confirmation, no place.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events import mails
from events.models import Event, Registration, RegistrationStatus
from library import access


class RegistrationRefused(Exception):
    def __init__(self, message, status=400):
        super().__init__(str(message))
        self.message = message
        self.status = status


DUPLICATE = _(
    "This e-mail address is already registered for this event. The e-mail we sent has a link to your registration."
)


@dataclass
class Applicant:
    name: str
    email: str
    organisation: str = ""
    country: str = ""
    language: str = "en"
    needs: str = ""


def may_register(user, event):
    """The partner rule of library.access, as for partner-only files."""
    return not event.partners_only or access.may_have_partner_files(user)


def hold_until(event, now):
    return min(now + timedelta(hours=settings.EVENTS_CONFIRMATION_HOURS), event.starts_at)


def _lock(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def settle(event, now=None):
    """Expire holds past their time, then promote the first people waiting into free places.
    The caller holds the event's lock. Returns the promoted registrations."""
    now = now or timezone.now()
    Registration.objects.filter(
        event=event, status=RegistrationStatus.PENDING, hold_expires_at__lte=now
    ).update(status=RegistrationStatus.EXPIRED)
    if event.capacity is None or now >= event.starts_at or event.is_cancelled:
        free = 0 if event.capacity is not None else None
    else:
        free = event.capacity - Registration.objects.filter(event=event).holding_place(now).count()
    waiting = Registration.objects.filter(event=event).waiting_in_order().select_related("event")
    if free is None:
        chosen = list(waiting) if now < event.starts_at and not event.is_cancelled else []
    else:
        chosen = list(waiting[: max(free, 0)])
    for registration in chosen:
        registration.promoted_at = now
        if registration.email_verified:
            registration.status = RegistrationStatus.CONFIRMED
            registration.confirmed_at = now
        else:
            registration.status = RegistrationStatus.PENDING
            registration.hold_expires_at = hold_until(event, now)
        registration.save(update_fields=["status", "promoted_at", "confirmed_at", "hold_expires_at"])
        mails.promoted(registration)
    return chosen


def register(event, applicant, *, user=None, now=None):
    """A new registration (confirmed, pending or waiting), its first e-mail queued; or
    RegistrationRefused and nothing written."""
    now = now or timezone.now()
    email = applicant.email.strip().lower()
    try:
        with transaction.atomic():
            locked = _lock(event)
            if not locked.registration_open(now):
                raise RegistrationRefused(_("Registration for this event is closed."), status=409)
            if not may_register(user, locked):
                raise RegistrationRefused(_("This event is for partner organisations only."), status=403)
            settle(locked, now)
            if Registration.objects.active().filter(event=locked, email=email).exists():
                raise RegistrationRefused(DUPLICATE, status=409)
            signed_in = bool(user and user.is_authenticated)
            verified = signed_in and bool(user.email) and user.email.strip().lower() == email
            taken = Registration.objects.filter(event=locked).holding_place(now).count()
            has_place = locked.capacity is None or taken < locked.capacity
            if has_place:
                status = RegistrationStatus.CONFIRMED if verified else RegistrationStatus.PENDING
            else:
                status = RegistrationStatus.WAITING
            registration = Registration.objects.create(
                event=locked,
                user=user if signed_in else None,
                name=applicant.name.strip(),
                email=email,
                organisation=applicant.organisation.strip(),
                country=applicant.country or "",
                language=applicant.language,
                needs=applicant.needs.strip(),
                consented_at=now,
                status=status,
                email_verified=verified,
                confirmed_at=now if status == RegistrationStatus.CONFIRMED else None,
                hold_expires_at=hold_until(locked, now) if status == RegistrationStatus.PENDING else None,
            )
            mails.after_registering(registration)
    except IntegrityError:
        # the same address registered a moment ago in another request: the constraint caught it
        raise RegistrationRefused(DUPLICATE, status=409) from None
    return registration


def confirm(registration, now=None):
    """The e-mailed link was followed: a held place becomes the person's. Returns the registration
    as it is afterwards (a hold that ran out is expired, and says so)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(registration.event)
        settle(locked, now)
        current = Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        if current.status == RegistrationStatus.PENDING:
            current.status = RegistrationStatus.CONFIRMED
            current.email_verified = True
            current.confirmed_at = now
            current.save(update_fields=["status", "email_verified", "confirmed_at"])
            mails.confirmed(current)
        elif current.status == RegistrationStatus.WAITING and not current.email_verified:
            current.email_verified = True
            current.save(update_fields=["email_verified"])
    return current


def cancel(registration, now=None):
    """The person gives up their place (or their waiting-list entry); the first person waiting
    gets the place and is told."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(registration.event)
        current = Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        if current.is_active:
            current.status = RegistrationStatus.CANCELLED
            current.cancelled_at = now
            current.save(update_fields=["status", "cancelled_at"])
            settle(locked, now)
    return current


def settle_due(now=None):
    """Due notice: release holds whose time ran out and fill the freed places (send_reminders)."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(status=RegistrationStatus.PENDING, hold_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    promoted = 0
    for event_id in sorted(event_ids):
        with transaction.atomic():
            promoted += len(settle(Event.objects.select_for_update().get(pk=event_id), now))
    return promoted


def settle_event(event, now=None):
    """After staff raise the number of places: fill them from the waiting list."""
    with transaction.atomic():
        return settle(_lock(event), now)
