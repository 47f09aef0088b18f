"""The demo step: approved mentors across regions and languages and mentorships in each state."""

import pytest

from library.demo import steps
from library.demo.accounts import seed_accounts
from library.demo.partners import seed_partner_organisations
from mentoring.demo import seed_mentoring
from mentoring.models import MentorLanguage, MentorProfile, MentorRegion, Mentorship, ProfileStatus, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_accounts(settings):
    settings.DEBUG = True
    options = steps.SeedOptions(password="a-demo-password")
    seed_accounts(options)
    seed_partner_organisations(options)
    return options


def test_the_step_runs_with_seed_demo_without_the_library_importing_mentoring():
    assert seed_mentoring in steps.STEPS
    assert steps.STEPS.index(seed_mentoring) > steps.STEPS.index(seed_partner_organisations)
    import library

    source = "\n".join(
        p.read_text() for p in __import__("pathlib").Path(library.__file__).parent.rglob("*.py")
    )
    assert "from mentoring" not in source and "import mentoring" not in source


def test_it_seeds_mentors_and_every_state_once(demo_accounts, client):
    outcome = seed_mentoring(demo_accounts)
    approved = MentorProfile.objects.listed()
    assert approved.count() >= 5
    assert MentorProfile.objects.filter(status=ProfileStatus.PENDING).exists()
    regions = set(
        MentorRegion.objects.filter(
            profile__in=approved, region__in=["africa", "americas", "asia", "europe"]
        ).values_list("region", flat=True)
    )
    assert regions == {"africa", "americas", "asia", "europe"}
    assert {"en", "fr", "es", "ar"} <= set(MentorLanguage.objects.values_list("code", flat=True))
    assert set(Mentorship.objects.values_list("status", flat=True)) == set(Status.values)
    assert Mentorship.objects.filter(mentor__isnull=True).exists()  # one for staff to match
    assert "demo mentors: " in outcome.summary()

    before = (MentorProfile.objects.count(), Mentorship.objects.count())
    again = seed_mentoring(demo_accounts)
    assert (MentorProfile.objects.count(), Mentorship.objects.count()) == before
    assert again.created == 0

    # the demo partner sees the directory and their own mentorships
    client.login(username="partner", password="a-demo-password")
    response = client.get("/mentors/")
    assert response.status_code == 200 and response.context["page_obj"].paginator.count == approved.count()
    page = client.get("/mentoring/").content.decode()
    for label in ("Requested", "Active", "Declined", "Completed"):
        assert label in page


def test_it_is_skipped_without_accounts():
    assert seed_mentoring(steps.SeedOptions(password="x", accounts=False)) is None
    assert not MentorProfile.objects.exists()
