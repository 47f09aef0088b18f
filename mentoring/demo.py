"""Demo step of `seed_demo` (appended to library.demo.steps.STEPS by MentoringConfig.ready()):
approved mentors with realistic profiles across regions and languages, one waiting for approval,
and a few mentorships in every state, so that the demo `partner` account sees the feature at work.

Idempotent: mentors are keyed by username, mentorships by (mentee, mentor, theme); a second run
creates nothing. Skipped with --no-accounts (it creates people)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from library.demo.outcome import Outcome
from library.models import Country, Membership, PartnerOrganisation, Theme
from mentoring.models import (
    Goal,
    Lesson,
    MentorLanguage,
    MentorProfile,
    Mentorship,
    ProfileStatus,
    SessionNote,
    Status,
)
from mentoring.services import mentee_region

ORGANISATIONS = [
    ("Andean Civic Lab", "PE"),
    ("Sahel Women's Voice", "SN"),
    ("Mekong Youth Forum", "KH"),
    ("Levant Media Collective", "JO"),
    ("Baltic Transparency Circle", "LT"),
]

# username, name, organisation, themes, countries, regions, languages, years, capacity, accepting, status, biography
MENTORS = [
    (
        "mentor-lucia",
        "Lucía Quispe",
        "Andean Civic Lab",
        ["electoral-processes", "youth-engagement"],
        ["PE", "BO", "EC"],
        ["south-america"],
        ["es", "en", "qu"],
        14,
        3,
        True,
        ProfileStatus.APPROVED,
        "I coordinated **citizen election observation** in Peru and Bolivia for three national elections, "
        "training more than 2,000 young observers.\n\nI can help with recruiting and training volunteers, "
        "writing observation reports and working with electoral bodies.",
    ),
    (
        "mentor-aminata",
        "Aminata Diallo",
        "Sahel Women's Voice",
        ["womens-empowerment", "community-activism"],
        ["SN", "ML", "BF"],
        ["western-africa"],
        ["fr", "en"],
        11,
        2,
        True,
        ProfileStatus.APPROVED,
        "I built a network of **women's listening clubs** around community radio in Senegal and Mali.\n\n"
        "Ask me about organising in rural areas, working with local leaders and keeping volunteers engaged.",
    ),
    (
        "mentor-sokha",
        "Sokha Chan",
        "Mekong Youth Forum",
        ["youth-engagement", "civil-society-and-government"],
        ["KH", "LA", "TH"],
        ["south-eastern-asia"],
        ["km", "en", "th"],
        8,
        2,
        True,
        ProfileStatus.APPROVED,
        "I run youth councils that bring proposals to district authorities in Cambodia.\n\n"
        "I can mentor on participatory budgeting, working with local government and digital campaigning.",
    ),
    (
        "mentor-rania",
        "Rania Haddad",
        "Levant Media Collective",
        ["media-and-freedom-of-information", "rule-of-law-and-human-rights"],
        ["JO", "LB", "PS"],
        ["western-asia", "northern-africa"],
        ["ar", "en", "fr"],
        16,
        1,
        True,
        ProfileStatus.APPROVED,
        "Investigative journalist and trainer. I set up a **fact-checking desk** for regional elections and "
        "a legal help line for reporters.\n\nHappy to mentor on media safety, access-to-information requests "
        "and verification.",
    ),
    (
        "mentor-jonas",
        "Jonas Petrauskas",
        "Baltic Transparency Circle",
        ["tools-for-knowledge", "civil-society-and-government"],
        ["LT", "LV", "UA"],
        ["northern-europe", "eastern-europe"],
        ["en", "ru", "uk"],
        9,
        2,
        False,
        ProfileStatus.APPROVED,
        "I lead open-data projects that track public spending.\n\nMy mentees are full at the moment; I take "
        "requests again in the spring.",
    ),
    (
        "mentor-tendai",
        "Tendai Moyo",
        "Sahel Women's Voice",
        ["community-activism"],
        ["ZW", "ZA"],
        ["southern-africa"],
        ["en", "sw"],
        5,
        1,
        True,
        ProfileStatus.PENDING,
        "Community organiser in Harare, new to mentoring. (This profile waits for staff approval.)",
    ),
]

GOALS = {
    "election observation": "Train forty volunteer observers for the municipal elections in March.",
    "radio": "Start a listening club around our community radio programme.",
    "budget": "Bring the youth council's first proposals to the district budget hearing.",
}


def _person(username, name):
    User = get_user_model()
    first, _space, last = name.partition(" ")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user, created


def _member(user, organisation_name):
    organisation = PartnerOrganisation.objects.get(name=organisation_name)
    if not Membership.objects.current().filter(user=user, organisation=organisation).exists():
        Membership.objects.create(
            user=user, organisation=organisation, started=timezone.now() - timedelta(days=400)
        )


def _mentor(spec, outcome):
    (
        username,
        name,
        organisation,
        themes,
        countries,
        regions,
        languages,
        years,
        capacity,
        accepting,
        status,
        bio,
    ) = spec
    user, _created = _person(username, name)
    _member(user, organisation)
    profile = MentorProfile.objects.filter(user=user).first()
    if profile is not None:
        outcome.existing += 1
        return profile
    profile = MentorProfile.objects.create(
        user=user,
        display_name=name,
        biography=bio,
        regions=regions,
        years_of_experience=years,
        capacity=capacity,
        accepting=accepting,
        language=languages[0] if languages[0] in ("en", "fr", "es", "ar") else "en",
        status=status,
        reviewed_at=timezone.now() if status == ProfileStatus.APPROVED else None,
    )
    profile.themes.set(Theme.objects.filter(slug__in=themes))
    profile.countries.set(Country.objects.filter(code__in=countries))
    MentorLanguage.objects.bulk_create(MentorLanguage(profile=profile, code=code) for code in languages)
    profile.refresh_regions()
    outcome.created += 1
    return profile


def _mentorship(mentee, mentor, theme_slug, status, goal, *, days_ago, notes=(), lessons=()):
    theme = Theme.objects.get(slug=theme_slug)
    existing = Mentorship.objects.filter(mentee=mentee, mentor=mentor, theme=theme).first()
    if existing:
        return existing, False
    asked = timezone.now() - timedelta(days=days_ago)
    answered = asked + timedelta(days=2) if status != Status.REQUESTED and mentor else None
    mentorship = Mentorship.objects.create(
        mentee=mentee,
        mentor=mentor,
        theme=theme,
        goal=goal,
        status=status,
        meeting_language="en",
        frequency="fortnightly",
        region=mentee_region(mentee),
        created_at=asked,
        answered_at=answered if status in (Status.ACTIVE, Status.COMPLETED, Status.DECLINED) else None,
        started_at=answered if status in (Status.ACTIVE, Status.COMPLETED) else None,
        closed_at=timezone.now() - timedelta(days=3)
        if status in (Status.COMPLETED, Status.DECLINED, Status.WITHDRAWN)
        else None,
        answer="Happy to help: let us meet every other Tuesday."
        if status in (Status.ACTIVE, Status.COMPLETED)
        else (
            "I am travelling for the next months, sorry. Try Aminata." if status == Status.DECLINED else ""
        ),
    )
    if status in (Status.ACTIVE, Status.COMPLETED):
        Goal.objects.create(mentorship=mentorship, author=mentee, text=goal[:300])
        for weeks_ago, text, author in notes:
            SessionNote.objects.create(
                mentorship=mentorship,
                author=author,
                met_on=(timezone.now() - timedelta(weeks=weeks_ago)).date(),
                text=text,
                created_at=timezone.now() - timedelta(weeks=weeks_ago),
            )
    for author, text, consent in lessons:
        Lesson.objects.create(mentorship=mentorship, author=author, text=text, consent=consent)
    return mentorship, True


def seed_mentoring(options=None):
    if options is not None and not getattr(options, "accounts", True):
        return None
    outcome = Outcome("demo mentors")
    with transaction.atomic():
        for name, code in ORGANISATIONS:
            PartnerOrganisation.objects.get_or_create(
                name=name, defaults={"country": Country.objects.filter(code=code).first(), "active": True}
            )
        mentors = {spec[0]: _mentor(spec, outcome) for spec in MENTORS}
        partner = get_user_model().objects.filter(username="partner").first()
        if partner is None:
            outcome.notes.append("no 'partner' account, so no demo mentorships")
            return outcome
        made = 0
        lucia, aminata, sokha, rania = (
            mentors[k] for k in ("mentor-lucia", "mentor-aminata", "mentor-sokha", "mentor-rania")
        )
        specs = [
            (
                partner,
                lucia,
                "electoral-processes",
                Status.ACTIVE,
                GOALS["election observation"],
                40,
                [
                    (4, "We planned the training days and the observer checklist.", partner),
                    (
                        2,
                        "Reviewed the draft checklist; next: contacting the electoral commission.",
                        lucia.user,
                    ),
                ],
                (),
            ),
            (partner, aminata, "womens-empowerment", Status.REQUESTED, GOALS["radio"], 2, (), ()),
            (
                partner,
                sokha,
                "youth-engagement",
                Status.COMPLETED,
                GOALS["budget"],
                200,
                [(20, "Mapped the district budget calendar together.", sokha.user)],
                [
                    (
                        partner,
                        "Start with the budget calendar: proposals that arrive before the first hearing get read.",
                        True,
                    ),
                    (
                        sokha.user,
                        "A mentee from another region brings questions that make you see your own habits.",
                        True,
                    ),
                ],
            ),
            (
                partner,
                rania,
                "media-and-freedom-of-information",
                Status.DECLINED,
                "Set up a fact-checking desk.",
                30,
                (),
                (),
            ),
            (
                partner,
                None,
                "rule-of-law-and-human-rights",
                Status.REQUESTED,
                "Find someone who has run a legal help line for activists.",
                1,
                (),
                (),
            ),
            (
                sokha.user,
                rania,
                "media-and-freedom-of-information",
                Status.WITHDRAWN,
                "Learn verification methods.",
                60,
                (),
                (),
            ),
        ]
        for mentee, mentor, theme, status, goal, days, notes, lessons in specs:
            _m, created = _mentorship(
                mentee, mentor, theme, status, goal, days_ago=days, notes=notes, lessons=lessons
            )
            made += created
        outcome.notes.append(f"{made} demo mentorships created")
    return outcome
