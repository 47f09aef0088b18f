"""Only published resources whose time has come are public, everywhere."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from library.models import Resource
from library.models.resources import Status
from tests.factories import make_case_study, make_file, make_resource, make_toolkit

pytestmark = pytest.mark.django_db

HIDDEN_STATES = [
    {"status": Status.DRAFT},
    {"status": Status.REVIEW},
    {"status": Status.ARCHIVED},
    {"status": Status.PUBLISHED, "published_at": None},
]


def scheduled():
    return {"status": Status.PUBLISHED, "published_at": timezone.now() + timedelta(days=2)}


@pytest.fixture(
    params=[*HIDDEN_STATES, "scheduled"], ids=["draft", "review", "archived", "undated", "scheduled"]
)
def hidden_fields(request):
    return scheduled() if request.param == "scheduled" else request.param


def test_published_includes_only_resources_whose_time_has_come(hidden_fields):
    public = make_resource()
    make_resource(**hidden_fields)
    assert list(Resource.objects.published()) == [public]


def test_it_hides_unpublished_resources_from_detail_pages(client, hidden_fields):
    for resource in (
        make_toolkit(**hidden_fields),
        make_case_study(**hidden_fields),
        make_resource(**hidden_fields),
    ):
        assert client.get(resource.get_absolute_url()).status_code == 404


def test_it_hides_unpublished_resources_from_every_list(client, hidden_fields):
    make_resource(title="Hidden away", themes=["youth-engagement"], tags=["mentoring"], **hidden_fields)
    # a public neighbour on every list, so each page is shown and would show the hidden one too
    make_resource(title="Shown here", themes=["youth-engagement"], tags=["mentoring"])
    for url in ["/", "/library/", "/guides/", "/themes/youth-engagement/", "/tags/mentoring/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Shown here" in response.content, url
        assert b"Hidden away" not in response.content, url


def test_it_hides_files_of_unpublished_resources(client, hidden_fields):
    resource_file = make_file(make_toolkit(**hidden_fields))
    assert client.get(resource_file.get_absolute_url()).status_code == 404


def test_a_scheduled_resource_appears_once_its_time_comes(client):
    resource = make_resource(title="Coming soon", **scheduled())
    assert client.get(resource.get_absolute_url()).status_code == 404
    with time_machine.travel(resource.published_at + timedelta(seconds=1)):  # no save: time alone
        assert client.get(resource.get_absolute_url()).status_code == 200


def test_a_case_study_is_not_found_under_another_kinds_address(client):
    case = make_case_study(slug="kenya-observers")
    assert client.get("/guides/kenya-observers/").status_code == 404
    assert client.get("/toolkits/kenya-observers/").status_code == 404
    assert client.get(case.get_absolute_url()).status_code == 200
