"""A resource's page reads what it shows of the library once per public state
(library.views.public_detail), and any change to any of it shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models.resources import Status
from tests.factories import make_file, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the page itself is rendered on every request here


@pytest.fixture
def resource():
    resource = make_resource(title="Radio for all", tags=["radio"], countries=["KE"])
    make_file(resource, title="The radio guide")
    resource.related.add(make_resource(title="Radio in Uganda"))
    make_resource(title="La radio pour tous", language="fr", translation_of=resource)
    return resource


def test_a_second_reader_costs_only_the_public_state_query(client, resource):
    url = resource.get_absolute_url()
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url).content.decode()
    assert again == first
    assert [q["sql"] for q in captured.captured_queries if "library_publicversion" not in q["sql"]] == []
    for shown in ("Radio for all", "The radio guide", "Radio in Uganda", "La radio pour tous", "Kenya"):
        assert shown in again


def test_every_part_of_the_page_follows_a_change(client, resource):
    url = resource.get_absolute_url()
    client.get(url)
    resource.tags.add("community media")
    assert "community media" in client.get(url).content.decode()
    make_file(resource, title="A second guide")
    assert "A second guide" in client.get(url).content.decode()
    related = resource.related.get()
    related.title = "Radio in Uganda, revised"
    related.save()
    assert "Radio in Uganda, revised" in client.get(url).content.decode()
    resource.status = Status.DRAFT
    resource.save()
    assert client.get(url).status_code == 404


def test_a_signed_in_reader_sees_the_same_resource(client, resource, django_user_model):
    url = resource.get_absolute_url()
    client.get(url)
    client.force_login(django_user_model.objects.create_user("reader", password="a-long-test-password"))
    page = client.get(url).content.decode()
    assert "Radio for all" in page and "The radio guide" in page


def test_the_citations_and_the_api_read_the_kept_detail_and_follow_a_change(client, resource):
    page, citation = resource.get_absolute_url(), f"{resource.get_absolute_url()}cite.bib"
    api = f"/api/v1/resources/{resource.slug}/"
    client.get(page)
    with CaptureQueriesContext(connection) as captured:
        bibtex = client.get(citation).content.decode()
        answer = client.get(api).json()
    beside_the_state = [
        q["sql"] for q in captured.captured_queries if "library_publicversion" not in q["sql"]
    ]
    assert len(beside_the_state) == 1 and '"kind"' in beside_the_state[0], (
        "the API's lookup of its slug's kind"
    )
    assert "Radio for all" in bibtex
    assert answer["title"] == "Radio for all"
    assert [file["title"] for file in answer["files"]] == ["The radio guide"]
    resource.title = "Radio for everyone"
    resource.save()
    assert "Radio for everyone" in client.get(citation).content.decode()
    assert client.get(api).json()["title"] == "Radio for everyone"
    resource.status = Status.DRAFT
    resource.save()
    assert client.get(citation).status_code == 404
    assert client.get(api).status_code == 404
