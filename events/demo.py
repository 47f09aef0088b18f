"""seed_demo step (added to library.demo.steps.STEPS by events.hooks): a handful of realistic
events, upcoming and past, so a person trying the portal sees the feature. Keyed by slug:
existing events are left as they are, so a second run creates nothing."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from events.models import Event, Format, Speaker, Status
from events.roles import ORGANISERS
from library.demo.outcome import Outcome
from library.models import Country, Resource, Theme
from library.models.files import Access

AGENDA = """\
1. **Welcome and introductions** – who is in the room, and what each project works on
2. **Stories from the field** – three short accounts, then questions
3. **Working groups** – what worked, what did not, what we would do differently
4. **Back together** – the lessons worth writing down for others
"""

EVENTS = [
    {
        "slug": "forum-on-citizen-election-observation",
        "title": "Regional forum on citizen election observation",
        "summary": "Observer networks from East Africa compare how they recruited, trained and protected volunteers.",
        "format": Format.IN_PERSON,
        "days": 21,
        "hour": 9,
        "hours": 7,
        "time_zone": "Africa/Nairobi",
        "city": "Nairobi",
        "country": "KE",
        "venue": "Kenya National Library, Upper Hill",
        "languages": ["en"],
        "interpretation": ["fr", "sw"],
        "themes": ["electoral-processes"],
        "capacity": 40,
        "accessibility": "Step-free entrance and lift; a quiet room; sign-language interpretation on request.",
        "speakers": [
            ("Grace Atieno", "facilitator", "Election Watch Network"),
            ("Jean-Paul Habimana", "speaker", "Observateurs citoyens"),
        ],
    },
    {
        "slug": "online-workshop-safety-for-community-reporters",
        "title": "Online workshop: digital safety for community reporters",
        "summary": "Two hours of practice with the tools that keep reporters, their sources and their notes safe.",
        "format": Format.ONLINE,
        "days": 9,
        "hour": 13,
        "hours": 2,
        "time_zone": "Europe/Brussels",
        "languages": ["en", "es"],
        "interpretation": [],
        "themes": ["media-and-freedom-of-information", "tools-for-knowledge"],
        "capacity": 100,
        "joining_url": "https://meet.example.org/digital-safety",
        "accessibility": "Live captions in English and Spanish; the recording is shared afterwards.",
        "speakers": [("Lucía Fernández", "facilitator", "Radio Comunitaria del Sur")],
    },
    {
        "slug": "youth-councils-forum-amman",
        "title": "منتدى مجالس الشباب المحلية",
        "summary": "لقاء إقليمي لمجالس الشباب في المنطقة العربية لتبادل الخبرات حول المشاركة في القرار المحلي.",
        "format": Format.HYBRID,
        "days": 35,
        "hour": 10,
        "hours": 6,
        "time_zone": "Asia/Amman",
        "city": "عمّان",
        "country": "JO",
        "venue": "Royal Cultural Centre",
        "languages": ["ar"],
        "interpretation": ["en", "fr"],
        "themes": ["youth-engagement", "civil-society-and-government"],
        "capacity": 60,
        "joining_url": "https://meet.example.org/youth-councils",
        "accessibility": "Step-free venue; interpretation into English and French in the room and online.",
        "speakers": [("Layla Haddad", "facilitator", "Youth Voices Jordan")],
    },
    {
        "slug": "partner-exchange-womens-leadership",
        "title": "Partner exchange: women's leadership in local councils",
        "summary": "A closed session for partner organisations running mentoring schemes for women standing for office.",
        "format": Format.ONLINE,
        "access": Access.PARTNERS,
        "days": 14,
        "hour": 15,
        "hours": 2,
        "time_zone": "America/Bogota",
        "languages": ["en", "fr"],
        "interpretation": [],
        "themes": ["womens-empowerment"],
        "capacity": 5,
        "joining_url": "https://meet.example.org/partners-women-leadership",
        "speakers": [("Ana Morales", "facilitator", "Civic Futures Network")],
    },
    {
        "slug": "workshop-community-radio-accountability",
        "title": "Workshop: community radio and local accountability",
        "summary": "Station managers showed how broadcasting council meetings changed what councillors said and did.",
        "format": Format.IN_PERSON,
        "days": -60,
        "hour": 9,
        "hours": 8,
        "time_zone": "Asia/Kathmandu",
        "city": "Kathmandu",
        "country": "NP",
        "venue": "Hotel Himalaya, Lalitpur",
        "languages": ["en"],
        "interpretation": ["ne"],
        "themes": ["media-and-freedom-of-information", "community-activism"],
        "capacity": 30,
        "materials": "- Slides of the three case presentations (PDF)\n- Notes of the working groups",
        "outcomes": True,
        "speakers": [("Sita Gurung", "speaker", "Radio Sagarmatha")],
    },
    {
        "slug": "forum-legal-aid-clinics",
        "title": "Forum on community legal aid clinics",
        "summary": "Paralegal networks from Latin America on reaching people far from any court.",
        "format": Format.IN_PERSON,
        "days": -120,
        "hour": 9,
        "hours": 7,
        "time_zone": "America/Lima",
        "city": "Lima",
        "country": "PE",
        "venue": "Centro Cultural de la PUCP",
        "languages": ["es"],
        "interpretation": ["en"],
        "themes": ["rule-of-law-and-human-rights"],
        "capacity": 50,
        "materials": "- Recording of the opening panel\n- A map of the clinics represented",
    },
]


def _start(spec, today):
    zone = ZoneInfo(spec["time_zone"])
    day = today + timedelta(days=spec["days"])
    return datetime.combine(day, time(spec["hour"]), tzinfo=zone)


def seed_demo_events(options=None):
    outcome = Outcome("demo events")
    today = timezone.now().date()
    with transaction.atomic():
        for spec in EVENTS:
            if Event.objects.filter(slug=spec["slug"]).exists():
                outcome.existing += 1
                continue
            starts_at = _start(spec, today)
            event = Event.objects.create(
                slug=spec["slug"],
                title=spec["title"],
                summary=spec["summary"],
                agenda=AGENDA,
                format=spec["format"],
                status=Status.PUBLISHED,
                published_at=timezone.now() - timedelta(days=max(-spec["days"], 0) + 30),
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=spec["hours"]),
                time_zone=spec["time_zone"],
                venue=spec.get("venue", ""),
                city=spec.get("city", ""),
                country=Country.objects.filter(code=spec.get("country")).first(),
                joining_url=spec.get("joining_url", ""),
                languages=spec["languages"],
                interpretation_languages=spec["interpretation"],
                accessibility=spec.get("accessibility", ""),
                capacity=spec["capacity"],
                access=spec.get("access", Access.PUBLIC),
                materials=spec.get("materials", ""),
            )
            event.themes.set(Theme.objects.filter(slug__in=spec["themes"]))
            for position, (name, role, affiliation) in enumerate(spec.get("speakers", ())):
                Speaker.objects.create(
                    event=event, name=name, role=role, affiliation=affiliation, position=position
                )
            if spec.get("outcomes"):
                published = Resource.objects.published()
                chosen = [
                    published.filter(kind=kind, themes__slug__in=spec["themes"]).order_by("slug").first()
                    for kind in ("case-study", "guide")
                ]
                event.outcomes.set([resource for resource in chosen if resource])
            outcome.created += 1
        publisher = get_user_model().objects.filter(username="publisher").first()
        organisers = Group.objects.filter(name=ORGANISERS).first()
        if publisher and organisers and not publisher.groups.filter(pk=organisers.pk).exists():
            publisher.groups.add(organisers)
            outcome.notes.append(f"'publisher' is in the group {ORGANISERS}")
    return outcome
