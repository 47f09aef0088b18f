"""A scheduled resource goes public at its time on every public path, with no job to run."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from library.models import Resource
from library.models.resources import Status
from tests.factories import make_file, make_resource

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
GOES_PUBLIC = NOW + timedelta(hours=2)


@pytest.fixture
def scheduled():
    with time_machine.travel(NOW, tick=False):
        resource = make_resource(
            title="Scheduled guide to ballot design",
            slug="scheduled-ballot-design",
            status=Status.PUBLISHED,
            published_at=GOES_PUBLIC,
            themes=["electoral-processes"],
            tags=["ballot design"],
        )
        resource_file = make_file(resource)
    return resource, resource_file


def public_paths(resource, resource_file):
    return [
        resource.get_absolute_url(),
        f"/downloads/{resource_file.uuid}/",
    ]


def listing_paths():
    return ["/library/", "/guides/", "/themes/electoral-processes/", "/tags/ballot-design/", "/"]


def test_before_its_time_it_is_absent_from_every_public_path(client, scheduled):
    resource, resource_file = scheduled
    with time_machine.travel(GOES_PUBLIC - timedelta(seconds=1), tick=False):
        assert not Resource.objects.published().filter(pk=resource.pk).exists()
        for path in public_paths(resource, resource_file):
            assert client.get(path).status_code == 404, path
        for path in listing_paths():
            response = client.get(path)
            assert response.status_code == 200, path
            assert resource.title not in response.content.decode(), path


def test_at_its_time_it_is_public_everywhere_without_any_job(client, scheduled):
    resource, resource_file = scheduled
    with time_machine.travel(GOES_PUBLIC, tick=False):
        assert Resource.objects.published().filter(pk=resource.pk).exists()
        for path in public_paths(resource, resource_file):
            response = client.get(path)
            assert response.status_code == 200, path
            if hasattr(response, "streaming_content"):
                assert b"".join(response.streaming_content)  # read to the end, which closes the file
        for path in listing_paths():
            assert resource.title in client.get(path).content.decode(), path


def test_it_counts_as_scheduled_until_its_time(scheduled):
    resource, _file = scheduled
    with time_machine.travel(GOES_PUBLIC - timedelta(minutes=1), tick=False):
        assert resource.is_scheduled and not resource.is_public
        assert list(Resource.objects.scheduled()) == [resource]
    with time_machine.travel(GOES_PUBLIC + timedelta(minutes=1), tick=False):
        assert resource.is_public and not resource.is_scheduled
        assert not Resource.objects.scheduled().exists()
