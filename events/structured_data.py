"""schema.org Event JSON-LD for an event page (public facts only: never the joining link)."""

from library.structured_data import json_ld_script
from notifications.links import absolute

MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def event_data(event, url):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": event.local_starts_at.isoformat(),
        "endDate": event.local_ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": MODES[event.format],
        "inLanguage": event.languages,
        "organizer": {"@type": "Organization", "name": "Democracy resource library"},
    }
    places = []
    if event.format in ("in-person", "hybrid"):
        address = {"@type": "PostalAddress", "addressLocality": event.city}
        if event.country_id:
            address["addressCountry"] = event.country_id
        place = {"@type": "Place", "address": address}
        if event.venue:
            place["name"] = event.venue
        places.append(place)
    if event.format in ("online", "hybrid"):
        places.append({"@type": "VirtualLocation", "url": url})
    data["location"] = places[0] if len(places) == 1 else places
    speakers = [{"@type": "Person", "name": speaker.name} for speaker in event.speakers.all()]
    if speakers:
        data["performer"] = speakers
    return {key: value for key, value in data.items() if value not in ([], "", None)}


def event_script(event, request):
    return json_ld_script(event_data(event, absolute(event.get_absolute_url())))
