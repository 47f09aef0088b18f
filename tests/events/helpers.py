"""Builders for event tests."""

import itertools
from datetime import timedelta

from django.utils import timezone

from events.models import Event, Status
from events.registration import Applicant, register
from library.models import Country, Theme

_numbers = itertools.count(1)


def make_event(*, themes=(), days=10, hours=2, country="KE", **fields):
    number = next(_numbers)
    starts_at = fields.pop("starts_at", None) or (timezone.now() + timedelta(days=days)).replace(
        microsecond=0
    )
    values = {
        "title": f"Workshop number {number}",
        "slug": f"workshop-{number}",
        "summary": "People from different projects learn from each other.",
        "agenda": "1. **Welcome**\n2. Stories",
        "format": "in-person",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=1),
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=hours),
        "time_zone": "Africa/Nairobi",
        "city": "Nairobi",
        "country": Country.objects.get(code=country) if country else None,
        "languages": ["en"],
        "capacity": 10,
    }
    values.update(fields)
    event = Event.objects.create(**values)
    if themes:
        event.themes.set(Theme.objects.filter(slug__in=themes))
    return event


def applicant(number=1, **fields):
    values = {"name": f"Person {number}", "email": f"person{number}@example.org", "language": "en"}
    values.update(fields)
    return Applicant(**values)


def sign_up(event, number=1, **fields):
    return register(event, applicant(number, **fields))


def form_data(number=1, **fields):
    values = {
        "name": f"Person {number}",
        "email": f"person{number}@example.org",
        "organisation": "Civic Action",
        "country": "KE",
        "language": "en",
        "needs": "",
        "consent": "on",
    }
    values.update(fields)
    return values
