"""Builders for mentoring tests."""

from library.models import Country, Theme
from mentoring.models import MentorLanguage, MentorProfile, Mentorship, ProfileStatus, Status
from tests.factories import make_organisation, make_partner


def make_mentor(
    username="mentor",
    *,
    name=None,
    themes=("electoral-processes",),
    countries=("KE",),
    regions=(),
    languages=("en",),
    capacity=2,
    accepting=True,
    status=ProfileStatus.APPROVED,
    biography="I ran citizen **observation** of three elections.",
    language="en",
    organisation=None,
    tags=(),
    years=10,
):
    user = make_partner(
        username,
        organisation=organisation or make_organisation(f"{username} organisation"),
        email=f"{username}@mentors.example",
        first_name=username.title(),
    )
    profile = MentorProfile.objects.create(
        user=user,
        display_name=name or f"{username.title()} Mentor",
        biography=biography,
        regions=list(regions),
        capacity=capacity,
        accepting=accepting,
        status=status,
        language=language,
        years_of_experience=years,
    )
    profile.themes.set(Theme.objects.filter(slug__in=themes))
    profile.countries.set(Country.objects.filter(code__in=countries))
    if tags:
        from taggit.models import Tag

        profile.tags.set(
            [Tag.objects.get_or_create(name=t, defaults={"slug": t.replace(" ", "-")})[0] for t in tags]
        )
    MentorLanguage.objects.bulk_create(MentorLanguage(profile=profile, code=code) for code in languages)
    profile.refresh_regions()
    return profile


def make_mentorship(mentee, mentor, *, status=Status.REQUESTED, theme="electoral-processes", **fields):
    from django.utils import timezone

    values = {
        "goal": "Train forty volunteer observers.",
        "meeting_language": "en",
        "frequency": "monthly",
        "mentee_language": "en",
    }
    values.update(fields)
    if status in (Status.ACTIVE, Status.COMPLETED):
        values.setdefault("started_at", timezone.now())
        values.setdefault("answered_at", timezone.now())
    return Mentorship.objects.create(
        mentee=mentee, mentor=mentor, status=status, theme=Theme.objects.get(slug=theme), **values
    )
