"""iCalendar: one event, every upcoming one narrowed by the list's parameters; time zones across DST."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_one_events_calendar_keeps_its_wall_clock_time_across_daylight_saving(client):
    # Brussels changes to summer time on the last Sunday of March: 10:00 stays 10:00 local
    year = datetime.now().year + 1
    start = datetime(year, 4, 2, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    event = make_event(
        title="Spring forum", starts_at=start, time_zone="Europe/Brussels", country="BE", city="Brussels"
    )

    calendar = parse(client.get(f"/events/{event.slug}.ics"))

    [vevent] = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert vevent.decoded("DTSTART") == start
    assert vevent.decoded("DTSTART").utcoffset().total_seconds() == 7200
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Brussels"
    assert {c.name for c in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert "joining" not in client.get(f"/events/{event.slug}.ics").content.decode().lower()


def test_the_joining_link_is_never_in_the_public_calendar(client):
    event = make_event(joining_url="https://meet.example.org/secret-room")

    assert b"secret-room" not in client.get(f"/events/{event.slug}.ics").content


def test_the_calendar_of_every_upcoming_event_takes_the_lists_parameters(client):
    make_event(title="Youth forum", themes=["youth-engagement"])
    make_event(title="Vote forum", themes=["electoral-processes"])
    make_event(title="Gone forum", days=-3)
    make_event(title="Cancelled forum", status="cancelled")

    everything = parse(client.get("/events/calendar.ics"))
    youth = parse(client.get("/events/calendar.ics?theme=youth-engagement"))

    summaries = {str(v["SUMMARY"]): str(v["STATUS"]) for v in everything.walk("VEVENT")}
    assert summaries == {
        "Youth forum": "CONFIRMED",
        "Vote forum": "CONFIRMED",
        "Cancelled forum": "CANCELLED",
    }
    assert [str(v["SUMMARY"]) for v in youth.walk("VEVENT")] == ["Youth forum"]


def test_a_bad_calendar_parameter_is_a_400(client):
    response = client.get("/events/calendar.ics?month=someday")

    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()
