"""The index follows every change: create, edit, publish, unpublish, archive, schedule, delete,
tags, files, case-study sections, and bulk writes followed by refresh_index."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from library import search
from library.models import Resource
from library.models.files import Access
from library.models.resources import Status
from tests.factories import make_case_study, make_file, make_resource
from tests.library.cards_shown import card_titles
from tests.pdfs import pdf_with_text

pytestmark = pytest.mark.django_db

SEARCH_TABLES = re.compile(r"library_resource_fts|library_search_(document|hits)")  # SQLite, PostgreSQL


def public_titles(client, q):
    response = client.get("/library/", {"q": q})
    assert response.status_code == 200
    return card_titles(response)


def indexed(resource, q):
    """Whether the index itself (published or not) finds this resource."""
    return search.matching(Resource.objects.filter(id=resource.id), q).exists()


def test_a_new_resource_is_found_at_once(client):
    make_resource(title="Harmonica workshops")
    assert public_titles(client, "harmonica") == ["Harmonica workshops"]


def test_an_edit_replaces_the_old_words(client):
    resource = make_resource(title="Harmonica workshops")
    resource.title = "Accordion workshops"
    resource.save()
    assert public_titles(client, "harmonica") == []
    assert public_titles(client, "accordion") == ["Accordion workshops"]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED])
def test_unpublished_resources_are_never_found(client, status):
    resource = make_resource(title="Harmonica workshops")
    resource.status = status
    resource.save()
    assert indexed(resource, "harmonica")  # indexed, so publishing again needs no rebuild ...
    assert public_titles(client, "harmonica") == []  # ... but never shown


def test_a_draft_is_found_once_published(client):
    resource = make_resource(title="Harmonica workshops", status=Status.DRAFT, published_at=None)
    assert public_titles(client, "harmonica") == []
    resource.status = Status.PUBLISHED
    resource.published_at = timezone.now() - timedelta(seconds=1)
    resource.save()
    assert public_titles(client, "harmonica") == ["Harmonica workshops"]


def test_a_scheduled_resource_is_not_found_before_its_time(client):
    make_resource(title="Harmonica workshops", published_at=timezone.now() + timedelta(days=1))
    assert public_titles(client, "harmonica") == []


def test_a_deleted_resource_leaves_the_index(client):
    resource = make_resource(title="Harmonica workshops")
    resource_id = resource.pk
    assert search.hit_mask(search.parse("harmonica"), resource_id + 1) == 1 << resource_id
    resource.delete()
    assert not search.matching(Resource.objects.all(), "harmonica").exists()
    assert search.hit_mask(search.parse("harmonica"), resource_id + 1) == 0


def test_tags_added_and_removed_are_followed(client):
    resource = make_resource(title="Workshops")
    resource.tags.add("harmonica players")
    assert public_titles(client, "harmonica") == ["Workshops"]
    resource.tags.remove("harmonica players")
    assert public_titles(client, "harmonica") == []
    resource.tags.set(["accordion"])
    assert public_titles(client, "accordion") == ["Workshops"]
    resource.tags.clear()
    assert public_titles(client, "accordion") == []


def test_an_uploaded_file_is_searchable_and_its_removal_is_followed(client):
    resource = make_resource(title="Workshops")
    resource_file = make_file(resource, content=pdf_with_text("Harmonica exercises"))
    assert public_titles(client, "harmonica") == ["Workshops"]
    resource_file.delete()
    assert public_titles(client, "harmonica") == []


def test_a_file_made_partner_only_is_still_searchable(client):
    resource = make_resource(title="Workshops")
    resource_file = make_file(resource, content=pdf_with_text("Harmonica exercises"))
    resource_file.access = Access.PARTNERS
    resource_file.save()
    assert public_titles(client, "harmonica") == ["Workshops"]


def test_case_study_sections_are_followed(client):
    case = make_case_study(title="Youth forum", lessons_learned="Start early.")
    case.lessons_learned = "Harmonica breaks kept people engaged."
    case.save()
    assert public_titles(client, "harmonica") == ["Youth forum"]


def test_bulk_writes_are_followed_after_refresh_index(client):
    resources = [make_resource(title=f"Workshop {n}") for n in range(3)]
    Resource.objects.filter(id__in=[r.id for r in resources]).update(summary="Harmonica for everyone.")
    assert public_titles(client, "harmonica") == []  # queryset.update() sends no signal ...
    search.refresh_index([r.id for r in resources])
    assert sorted(public_titles(client, "harmonica")) == ["Workshop 0", "Workshop 1", "Workshop 2"]


def test_rebuilding_indexes_everything(client):
    resource = make_resource(title="Workshop")
    Resource.objects.filter(id=resource.id).update(title="Harmonica workshop")
    search.rebuild_index()
    assert public_titles(client, "harmonica") == ["Harmonica workshop"]


def test_a_deleted_resource_leaves_no_document_behind():
    from django.db import connection

    resource = make_resource(title="Harmonica workshops")
    resource_id = resource.id
    resource.delete()
    table = "library_search_document" if connection.vendor == "postgresql" else "library_resource_fts"
    column = "resource_id" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s", [resource_id])  # noqa: S608
        assert cursor.fetchone() == (0,)


# List pages remember the search index's answers per public state (FacetIndex.remembered): a
# search asked before a change must not hide the change after it.


def test_a_search_asked_before_an_edit_sees_the_edit(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the list itself, not the page cache
    resource = make_resource(title="Harmonica workshops")
    assert public_titles(client, "harmonica") == ["Harmonica workshops"]
    assert public_titles(client, "accordion") == []

    resource.title = "Accordion workshops"
    resource.save()

    assert public_titles(client, "harmonica") == []
    assert public_titles(client, "accordion") == ["Accordion workshops"]


def test_a_search_asked_before_a_bulk_write_sees_it_once_the_index_is_refreshed(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the list itself, not the page cache
    resource = make_resource(title="Harmonica workshops")
    assert public_titles(client, "accordion") == []

    Resource.objects.filter(pk=resource.pk).update(title="Accordion workshops")
    search.refresh_index([resource.pk])

    assert public_titles(client, "accordion") == ["Accordion workshops"]


def test_a_search_asked_before_tagging_finds_the_tag_after(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the list itself, not the page cache
    resource = make_resource(title="Workshops")
    assert public_titles(client, "harmonica") == []

    resource.tags.add("harmonica")

    assert public_titles(client, "harmonica") == ["Workshops"]


def test_a_repeated_search_asks_the_search_index_once(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the list itself, not the page cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(3):
        make_resource(title=f"Harmonica workshop {number}")

    def search_queries():
        with CaptureQueriesContext(connection) as captured:
            assert len(public_titles(client, "harmonica")) == 3
        return [query["sql"] for query in captured.captured_queries if SEARCH_TABLES.search(query["sql"])]

    assert search_queries(), "the first search asks the search index"
    assert search_queries() == [], "the same search in the same public state is remembered"
