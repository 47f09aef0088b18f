"""When an event runs, as every events page shows it: in the event's own time zone, with the UTC
offset of that day (daylight saving included), the end as a time when it ends the same local day."""

from datetime import UTC, datetime

from django.utils import translation

from events.models import Event
from events.templatetags.events_tags import event_when


def when(starts_at, ends_at, zone):
    return str(event_when(Event(starts_at=starts_at, ends_at=ends_at, time_zone=zone)))


def test_a_same_day_event_shows_local_times_and_the_offset():
    html = when(datetime(2027, 3, 12, 7, tzinfo=UTC), datetime(2027, 3, 12, 9, tzinfo=UTC), "Africa/Nairobi")

    assert '<time datetime="2027-03-12T10:00:00+03:00">' in html
    assert '<time datetime="2027-03-12T12:00:00+03:00">noon</time>' in html
    assert html.endswith('<span class="event-zone">(Africa/Nairobi, <bdi dir="ltr">UTC+03:00</bdi>)</span>')


def test_the_offset_follows_daylight_saving():
    winter = when(datetime(2027, 3, 27, 9, tzinfo=UTC), datetime(2027, 3, 27, 10, tzinfo=UTC), "Europe/Paris")
    summer = when(datetime(2027, 3, 29, 9, tzinfo=UTC), datetime(2027, 3, 29, 10, tzinfo=UTC), "Europe/Paris")

    assert "UTC+01:00" in winter and 'datetime="2027-03-27T10:00:00+01:00"' in winter
    assert "UTC+02:00" in summer and 'datetime="2027-03-29T11:00:00+02:00"' in summer


def test_an_event_over_two_local_days_shows_the_end_date():
    # 22:00 to 01:00 in Lima is one UTC day but two local ones
    html = when(datetime(2027, 6, 2, 3, tzinfo=UTC), datetime(2027, 6, 2, 6, tzinfo=UTC), "America/Lima")

    assert 'datetime="2027-06-01T22:00:00-05:00"' in html
    end = html.split('<time datetime="2027-06-02T01:00:00-05:00">')[1].split("</time>")[0]
    assert "2027" in end and "1" in end, end


def test_the_dates_are_written_in_the_reader_language():
    with translation.override("fr"):
        html = when(
            datetime(2027, 5, 12, 7, tzinfo=UTC), datetime(2027, 5, 12, 9, tzinfo=UTC), "Africa/Dakar"
        )

    assert "mai 2027" in html


def test_the_same_times_read_in_two_languages_are_written_in_each():
    times = (datetime(2027, 5, 12, 7, tzinfo=UTC), datetime(2027, 5, 12, 9, tzinfo=UTC), "Africa/Dakar")
    with translation.override("en"):
        english = when(*times)
    with translation.override("es"):
        spanish = when(*times)

    assert "May" in english and "mayo" in spanish
