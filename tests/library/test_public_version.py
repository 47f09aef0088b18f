"""The public version's one query (library.models.versions): compiled once, with each request's
time put where the time goes, and refusing a schedule that reads the clock itself."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from library.models import PublicVersion, Resource
from library.models.resources import Status
from library.models.versions import _compiled, _schedules, publishes_on_schedule
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_the_compiled_query_answers_for_the_time_it_is_asked_at():
    now = timezone.now()
    earlier = make_resource(published_at=now - timedelta(days=2)).published_at
    later = make_resource(published_at=now + timedelta(days=2)).published_at
    token, come, coming = PublicVersion.objects.current(now)
    assert (come, coming) == (earlier, later)
    _token, come, coming = PublicVersion.objects.current(now + timedelta(days=3))  # the same SQL
    assert (come, coming) == (later, None)
    _token, come, coming = PublicVersion.objects.current(now - timedelta(days=3))
    assert (come, coming) == (None, earlier)


def test_a_schedule_that_reads_the_clock_is_refused():
    def reads_the_clock():  # the compiled query would keep the first request's time for ever
        return Resource.objects.filter(status=Status.PUBLISHED, updated_at__lte=timezone.now()).values(
            "published_at"
        )

    publishes_on_schedule(reads_the_clock)
    try:
        with pytest.raises(ImproperlyConfigured, match="must not depend on the time"):
            PublicVersion.objects.current(timezone.now())
    finally:
        _schedules.remove(reads_the_clock)
        _compiled.clear()
    assert PublicVersion.objects.current(timezone.now())  # the registered schedules compile again
