"""A resource page answers conditional requests: 304 while nothing public changed, 200 after."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date

from library.models import PublicVersion, Resource
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


AN_HOUR_AGO = timezone.now() - timedelta(hours=1)


@pytest.fixture
def settled_resource():
    """A resource published and last changed an hour ago, in a library last changed then too."""
    resource = make_resource(title="Observer training", published_at=AN_HOUR_AGO - timedelta(days=1))
    Resource.objects.filter(pk=resource.pk).update(updated_at=AN_HOUR_AGO)
    PublicVersion.objects.update(token=int(AN_HOUR_AGO.timestamp() * 1e9))
    return resource


def test_it_sends_an_etag_and_the_time_of_the_last_change(client, settled_resource):
    response = client.get(settled_resource.get_absolute_url())
    assert response.status_code == 200
    assert response["ETag"]
    assert response["Last-Modified"] == http_date(int(AN_HOUR_AGO.timestamp()))


def test_it_answers_304_to_a_matching_etag(client, settled_resource):
    etag = client.get(settled_resource.get_absolute_url())["ETag"]
    again = client.get(settled_resource.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_it_answers_304_to_if_modified_since(client, settled_resource):
    last_modified = client.get(settled_resource.get_absolute_url())["Last-Modified"]
    assert (
        client.get(settled_resource.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=last_modified).status_code
        == 304
    )


def test_it_answers_200_after_the_resource_changes(client, settled_resource):
    first = client.get(settled_resource.get_absolute_url())
    settled_resource.title = "Observer training, second edition"
    settled_resource.save()
    for validator in (
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]},
    ):
        again = client.get(settled_resource.get_absolute_url(), **validator)
        assert again.status_code == 200
        assert "second edition" in again.content.decode()


def test_it_answers_200_after_a_related_public_change(client, settled_resource):
    first = client.get(settled_resource.get_absolute_url())
    other = make_resource(title="Related handbook")
    settled_resource.related.add(other)
    again = client.get(settled_resource.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Related handbook" in again.content.decode()


def test_it_sends_no_last_modified_within_the_second_of_a_change(client):
    """A whole-second Last-Modified sent during its own second could hide a change later that second."""
    resource = make_resource()
    response = client.get(resource.get_absolute_url())
    if timezone.now().replace(microsecond=0) == resource.updated_at.replace(microsecond=0):
        assert "Last-Modified" not in response
    time.sleep(1.05)
    assert "Last-Modified" in client.get(resource.get_absolute_url())


def test_signed_in_people_get_no_validators_from_the_view(client, visitor, settled_resource):
    client.force_login(visitor)
    response = client.get(settled_resource.get_absolute_url())
    assert "Last-Modified" not in response
    assert "no-store" in response["Cache-Control"]


def test_an_unpublished_resource_is_404_even_with_an_old_etag(client, settled_resource):
    etag = client.get(settled_resource.get_absolute_url())["ETag"]
    settled_resource.status = "archived"
    settled_resource.save()
    assert client.get(settled_resource.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 404
