"""The demo's living content: a toolkit with three versions, resources due for review, links to
the demo server that answer 404 there."""

import pytest
from django.utils import timezone

from library.demo import living
from library.demo.content import seed_demo_content
from library.models import FileVersion, Resource, ResourceFile
from library.models.files import Access

pytestmark = pytest.mark.django_db


def test_the_step_adds_versions_review_dates_and_links_once(client):
    seed_demo_content()

    outcome = living.seed_living_content()

    assert outcome.created == 1
    resource_file = ResourceFile.objects.get(resource__slug=living.TOOLKIT, access=Access.PUBLIC)
    assert resource_file.version == 3
    numbers = list(FileVersion.objects.filter(resource_file=resource_file).order_by("number"))
    assert [v.number for v in numbers] == [1, 2, 3]
    assert "2026 electoral law" in numbers[1].notes
    page = client.get(resource_file.resource.get_absolute_url()).content.decode()
    assert "Earlier versions" in page and "Updated " in page
    today = timezone.localdate()
    assert Resource.objects.overdue_for_review(today).count() >= 3
    assert Resource.objects.due_for_review(today).count() >= 5
    body = Resource.objects.get(slug="election-fact-checking-toolkit-for-newsrooms").body
    assert f"({living.DEMO_SITE}/demo-archive/fact-checking-2019.pdf)" in body

    again = living.seed_living_content()
    assert (again.created, again.existing) == (0, 1)
    assert FileVersion.objects.count() == 3
    assert Resource.objects.get(slug="election-fact-checking-toolkit-for-newsrooms").body == body


def test_without_the_demo_library_it_does_nothing():
    assert living.seed_living_content().created == 0
