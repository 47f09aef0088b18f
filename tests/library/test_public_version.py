"""The public version (library.models.versions): its query of the times compiled once, with each
request's time put where the time goes, refusing a schedule that reads the clock itself; and
read only when the token alone cannot say the times are the same."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from library.models import PublicVersion, Resource
from library.models.resources import Status
from library.models.versions import _compiled, _known, _schedules, publishes_on_schedule
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


def read_at(now):
    with CaptureQueriesContext(connection) as captured:
        state = PublicVersion.objects.current(now)
    return state, [query["sql"] for query in captured.captured_queries]


def test_with_the_same_token_and_no_time_come_only_the_token_is_read():
    now = timezone.now()
    make_resource(published_at=now - timedelta(days=2))
    make_resource(published_at=now + timedelta(days=2))
    first, first_queries = read_at(now)
    again, again_queries = read_at(now + timedelta(days=1))

    assert again == first
    assert "published_at" in first_queries[-1], "the times read with the token"
    assert len(again_queries) == 1 and "published_at" not in again_queries[0], "the token alone"
    _known.clear()
    assert PublicVersion.objects.current(now + timedelta(days=1)) == again, "what a full read says"


def test_the_times_are_read_again_once_a_time_has_come_or_before_the_last_one_came():
    now = timezone.now()
    earlier = make_resource(published_at=now - timedelta(days=2)).published_at
    later = make_resource(published_at=now + timedelta(days=2)).published_at
    read_at(now)

    (_token, come, coming), queries = read_at(later)
    assert (come, coming) == (later, None)
    assert len(queries) == 1 and "published_at" in queries[0], "the times with the token, at once"
    (_token, come, coming), queries = read_at(earlier - timedelta(seconds=1))
    assert (come, coming) == (None, earlier)
    assert len(queries) == 1 and "published_at" in queries[0]


def test_any_change_renews_the_times_with_the_token():
    now = timezone.now()
    make_resource(published_at=now - timedelta(days=2))
    before, _queries = read_at(now)
    sooner = make_resource(published_at=now + timedelta(hours=1)).published_at

    after, queries = read_at(now)
    assert after.token != before.token
    assert after.next_due == sooner
    assert len(queries) == 2 and "published_at" in queries[1], "the token, then the times"
