"""Signed links in registrants' e-mail: each names one registration and one purpose, and expires.

A link carries the registration's id and its secret token, signed with SECRET_KEY and a salt per
purpose ("confirm" a held place, "manage": see and cancel), with the time it was made. A changed
character, a link made for another registration or another purpose, and an old link are all
refused. Deleting a registrant's personal data renews the token, so their old links open nothing.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from events.models import Registration
from notifications.links import absolute

CONFIRM, MANAGE = "confirm", "manage"
URL_NAMES = {CONFIRM: "events:confirm", MANAGE: "events:registration"}


class BadLink(Exception):
    """Expired, forged, made for another purpose, or naming no registration."""


def _signer(purpose):
    return signing.TimestampSigner(salt=f"events.registration.{purpose}")


def _max_age(purpose):
    if purpose == CONFIRM:
        return settings.EVENTS_CONFIRMATION_HOURS * 3600 * 2  # a promoted person gets a new link
    return settings.EVENTS_LINK_MAX_AGE_DAYS * 24 * 3600


def token_for(registration, purpose):
    return _signer(purpose).sign(f"{registration.pk}.{registration.token}")


def path_for(registration, purpose=MANAGE):
    return reverse(URL_NAMES[purpose], kwargs={"token": token_for(registration, purpose)})


def url_for(registration, purpose=MANAGE):
    return absolute(path_for(registration, purpose))


def registration_for(token, purpose):
    try:
        value = _signer(purpose).unsign(token, max_age=_max_age(purpose))
        pk, secret = value.split(".", 1)
        registration = Registration.objects.select_related("event", "event__country").get(pk=int(pk))
    except (signing.BadSignature, ValueError, Registration.DoesNotExist) as error:
        raise BadLink from error
    if not signing.constant_time_compare(secret, registration.token):
        raise BadLink
    return registration
