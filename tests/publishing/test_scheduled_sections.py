"""What other apps show on a resource's page (events it came out of, the collections and
programmes it is part of) is read once per public state, and their scheduled publications are
part of that state: each shows the moment its time comes, with no save, and no earlier."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from library.cache import public_state
from tests.events.helpers import make_event
from tests.factories import make_resource
from tests.programmes.builders import make_collection

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the sections' own keeping, not the page cache's


def test_an_event_shows_on_its_resources_page_when_its_publication_time_comes(client):
    resource = make_resource(title="Lessons from the forum")
    due = timezone.now() + timedelta(hours=1)
    event = make_event(title="Forum on community radio", published_at=due)
    event.outcomes.add(resource)
    url = resource.get_absolute_url()
    assert "Forum on community radio" not in client.get(url).content.decode()
    assert public_state().next_due == due
    with time_machine.travel(due + timedelta(seconds=1)):
        assert "Forum on community radio" in client.get(url).content.decode()


def test_a_collection_shows_on_its_resources_page_when_its_publication_time_comes(client):
    resource = make_resource(title="Counting the vote")
    due = timezone.now() + timedelta(hours=2)
    make_collection([resource], title="Start here: elections", published_at=due)
    url = resource.get_absolute_url()
    assert "Start here: elections" not in client.get(url).content.decode()
    with time_machine.travel(due - timedelta(seconds=1)):
        assert "Start here: elections" not in client.get(url).content.decode()
    with time_machine.travel(due + timedelta(seconds=1)):
        assert "Start here: elections" in client.get(url).content.decode()


def test_a_second_reader_of_a_resource_page_costs_one_query(client):
    resource = make_resource(title="Lessons from the forum")
    make_event(title="Forum on community radio").outcomes.add(resource)
    make_collection([resource], title="Start here: elections")
    url = resource.get_absolute_url()
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url).content.decode()
    assert again == first
    assert "Forum on community radio" in again and "Start here: elections" in again
    assert len(captured.captured_queries) == 1, "the public state"
