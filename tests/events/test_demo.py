"""The demo step: realistic events a person trying the portal sees, once."""

import pytest

from events.demo import seed_demo_events
from events.hooks import add_demo_step
from events.models import Event
from library.demo import steps
from tests.factories import make_core_library

pytestmark = pytest.mark.django_db


def test_the_events_step_joins_seed_demo_after_the_librarys_own_steps():
    add_demo_step()

    from library.demo.partners import seed_partner_organisations

    assert steps.STEPS.count(seed_demo_events) == 1
    assert steps.STEPS.index(seed_demo_events) > steps.STEPS.index(seed_partner_organisations)


def test_it_seeds_upcoming_and_past_events_of_every_sort_once():
    make_core_library(case_study={"themes": ["media-and-freedom-of-information"]})

    outcome = seed_demo_events()
    again = seed_demo_events()

    assert (outcome.created, again.created, again.existing) == (6, 0, 6)
    public = Event.objects.public()
    assert public.upcoming().count() == 4 and public.past().count() == 2
    assert public.filter(access="partners").exists()
    assert public.filter(format="online").exists()
    assert public.filter(languages__icontains="ar").exists()
    with_outcomes = [event for event in public.past() if event.outcomes.exists()]
    assert (
        with_outcomes
        and with_outcomes[0].outcomes.first().title == "Community radio for local accountability"
    )
