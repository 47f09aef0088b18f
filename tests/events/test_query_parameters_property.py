"""Whatever the query string, the events lists and the calendar answer 200 or 400 (or 404 for a
list page number it has no page for), never 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.events.helpers import make_event

NAMES = ["theme", "country", "region", "language", "format", "month", "page", "q", "sort"]
VALUES = st.one_of(
    st.sampled_from(
        [
            "youth-engagement",
            "KE",
            "africa",
            "en",
            "online",
            "in-person",
            "2027-03",
            "0",
            "-1",
            "99999999999999999999",
        ]
    ),
    st.text(max_size=30),
)
PARAMETERS = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=6)


@pytest.fixture
def events(db):
    make_event(themes=["youth-engagement"])
    make_event(format="online", country=None, city="", languages=["fr"])


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parameters=PARAMETERS, path=st.sampled_from(["/events/", "/events/past/", "/events/calendar.ics"]))
def test_any_parameters_give_200_or_400(client, events, parameters, path):
    from urllib.parse import urlencode

    response = client.get(f"{path}?{urlencode(parameters)}")

    pages = [value for name, value in parameters if name == "page"]
    if path == "/events/calendar.ics" or not pages:
        assert response.status_code in (200, 400)
    else:
        assert response.status_code in (200, 400, 404)
    if response.status_code == 400 and path != "/events/calendar.ics":
        body = response.content.decode()
        assert "could not be understood" in body or "not a whole number" in body
    if response.status_code == 404:
        assert "There is no page" in response.content.decode()
