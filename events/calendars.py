"""iCalendar (RFC 5545) for one event or many, written with the icalendar library.

Times are written in the event's own time zone (TZID) with the VTIMEZONE that icalendar builds
from the zoneinfo database, so a calendar shows the right hour on both sides of a daylight-saving
change. UID is stable and SEQUENCE grows with every change of time or place or a cancellation, so
calendar programs replace their copy. The joining link is written only into a confirmed
participant's own copy.
"""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from notifications.links import absolute

PRODID = "-//Democracy resource library//Events//EN"


def uid(event):
    return f"event-{event.pk}@{settings.EVENTS_CALENDAR_DOMAIN}"


def _location(event):
    if event.is_online:
        return "Online"
    parts = [event.venue, event.city, event.country.name if event.country_id else ""]
    return ", ".join(part for part in parts if part)


def _component(event, *, for_participant=False):
    item = CalendarEvent()
    item.add("uid", uid(event))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.local_starts_at)
    item.add("dtend", event.local_ends_at)
    item.add("summary", event.title)
    url = absolute(event.get_absolute_url())
    description = [event.summary, "", url]
    if for_participant and event.joining_url:
        description += ["", event.joining_url]
    if for_participant and event.joining_details:
        description += ["", event.joining_details]
    item.add("description", "\n".join(description))
    item.add("location", _location(event))
    item.add("url", url)
    item.add("sequence", event.sequence)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("last-modified", event.updated_at)
    return item


def calendar(events, *, name=None, for_participant=False, method="PUBLISH"):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(_component(event, for_participant=for_participant))
    cal.add_missing_timezones()
    return cal.to_ical()
