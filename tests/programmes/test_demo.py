"""seed_demo adds three collections and two programmes (one in French) from the demo resources;
a person can take a demo programme from enrolment to certificate."""

import io

import pytest
from django.core.management import call_command

from library.models.resources import Status
from programmes.models import Certificate, Collection, Programme, Step, StepKind
from tests.programmes.builders import complete, register_confirmed

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_the_demo_has_three_collections_and_two_programmes(seeded, client):
    assert "demo collections and programmes: 5 created" in seeded
    assert Collection.objects.published().count() == 3
    assert Programme.objects.published().count() == 2
    assert Programme.objects.filter(language="fr").count() == 1
    for collection in Collection.objects.all():
        assert collection.items.count() >= 3
        assert client.get(collection.get_absolute_url()).status_code == 200
    # every step stands on a public resource, or a public demo event
    steps = list(Step.objects.select_related("resource", "event"))
    assert all(step.is_open for step in steps)
    assert [step.event.slug for step in steps if step.kind == StepKind.EVENT] == [
        "forum-on-citizen-election-observation"
    ]
    again = io.StringIO()
    call_command("seed_demo", stdout=again)
    assert "demo collections and programmes: 0 created, 5 already there" in again.getvalue()


@pytest.mark.parametrize(
    "slug", ["citizen-election-observation-programme", "observer-les-elections-locales-programme"]
)
def test_a_demo_account_takes_a_programme_to_its_certificate(seeded, client, slug):
    from django.contrib.auth import get_user_model

    visitor = get_user_model().objects.get(username="visitor")
    client.force_login(visitor)
    programme = Programme.objects.get(slug=slug, status=Status.PUBLISHED)
    # the demo event step is done once the person holds a confirmed registration
    for step in Step.objects.filter(module__programme=programme, kind=StepKind.EVENT):
        register_confirmed(step.event, visitor)
    complete(client, programme)
    certificate = Certificate.objects.get(enrolment__programme=programme)
    response = client.get(f"{programme.get_absolute_url()}certificate.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert certificate.code
