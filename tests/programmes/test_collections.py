"""Collections: the list, one collection, what it shows of its resources, its feed, JSON-LD and
CSV, the theme pages and the "Part of" on each member resource's page."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from library.models.files import Access
from library.models.resources import Status
from programmes.models import CollectionItem
from tests.factories import make_file, make_resource
from tests.programmes.builders import make_collection, unpublish

pytestmark = pytest.mark.django_db


def json_ld(response):
    found = re.search(rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S)
    return json.loads(found.group(1))


def test_the_list_shows_published_collections_only(client):
    shown = make_collection(title="Observation reading list")
    make_collection(title="A draft list", status=Status.DRAFT)
    response = client.get("/collections/")
    assert response.status_code == 200
    assert shown.title.encode() in response.content
    assert b"A draft list" not in response.content


@pytest.mark.parametrize("path", ["/collections/?theme=no-such-theme", "/collections/?language=xx"])
def test_a_bad_filter_is_answered_400_with_a_message(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert b"could not be understood" in response.content


def test_the_list_filters_by_theme_and_language(client):
    elections = make_collection(title="On elections", themes=["electoral-processes"])
    french = make_collection(title="En français", language="fr")
    response = client.get("/collections/?theme=electoral-processes")
    assert elections.title.encode() in response.content and french.title.encode() not in response.content
    response = client.get("/collections/?language=fr")
    assert french.title.encode() in response.content and elections.title.encode() not in response.content


def test_a_collection_shows_its_public_resources_in_order_with_the_notes(client):
    first, second, third = (make_resource(title=f"Reading {n}") for n in ("one", "two", "three"))
    draft = make_resource(title="Not yet written", status=Status.DRAFT)
    collection = make_collection([second, first, draft, third], notes={first.pk: "Read chapter 2 first"})
    response = client.get(collection.get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("Reading two") < text.index("Reading one") < text.index("Reading three")
    assert "Read chapter 2 first" in text
    assert "Not yet written" not in text


def test_drafts_and_scheduled_collections_are_404(client):
    from datetime import timedelta

    from django.utils import timezone

    draft = make_collection(status=Status.DRAFT)
    later = make_collection(published_at=timezone.now() + timedelta(days=1))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(later.get_absolute_url()).status_code == 404
    assert client.get(f"/feeds/collections/{draft.slug}/").status_code == 404
    assert client.get(f"/collections/{draft.slug}/export.csv").status_code == 404


def test_an_unpublished_resource_drops_out_of_the_cached_page_at_once(client):
    resource = make_resource(title="Soon withdrawn")
    collection = make_collection([resource])
    assert b"Soon withdrawn" in client.get(collection.get_absolute_url()).content
    assert client.get(collection.get_absolute_url())["X-Cache"] == "hit"
    unpublish(resource)
    response = client.get(collection.get_absolute_url())
    assert b"Soon withdrawn" not in response.content
    assert b"Soon withdrawn" not in client.get(f"/feeds/collections/{collection.slug}/").content


def test_partner_only_files_follow_the_access_rule(client, partner):
    toolkit = make_resource(kind="toolkit", title="Kit")
    make_file(toolkit, title="Public checklist")
    make_file(toolkit, title="Partner handbook", access=Access.PARTNERS)
    collection = make_collection([toolkit])
    anonymous = client.get(collection.get_absolute_url()).content.decode()
    assert "Partner handbook" in anonymous and "sign in as a partner to download" in anonymous
    client.force_login(partner)
    as_partner = client.get(collection.get_absolute_url()).content.decode()
    assert "sign in as a partner to download" not in as_partner and "closed to you" not in as_partner


def test_json_ld_is_an_item_list_of_the_public_resources(client):
    first, second = make_resource(title="First"), make_resource(title="Second")
    hidden = make_resource(title="Hidden", status=Status.DRAFT)
    collection = make_collection([first, hidden, second])
    data = json_ld(client.get(collection.get_absolute_url()))
    assert data["@type"] == "ItemList"
    assert data["numberOfItems"] == 2
    assert [(e["position"], e["name"]) for e in data["itemListElement"]] == [(1, "First"), (2, "Second")]
    assert data["itemListElement"][0]["url"] == f"http://testserver{first.get_absolute_url()}"


def test_the_csv_export_lists_the_public_resources_in_order(client):
    first, second = make_resource(title="=HYPERLINK(1)"), make_resource(title="Second")
    collection = make_collection([second, make_resource(status=Status.DRAFT), first])
    response = client.get(f"/collections/{collection.slug}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["Second", "'=HYPERLINK(1)"]  # formula-safe
    assert rows[0]["url"] == f"http://testserver{second.get_absolute_url()}"
    assert client.get(f"/collections/{collection.slug}/export.csv?x=1").status_code == 400


def test_the_feeds(client):
    resource = make_resource(title="Feed item")
    collection = make_collection([resource], notes={resource.pk: "Start here"}, title="Feed collection")
    listing = client.get("/feeds/collections/")
    assert listing.status_code == 200 and listing["Content-Type"].startswith("application/atom+xml")
    assert b"Feed collection" in listing.content
    one = client.get(f"/feeds/collections/{collection.slug}/")
    assert b"Feed item" in one.content and b"Start here" in one.content
    assert client.get("/feeds/collections/?theme=nope").status_code == 400


def test_part_of_on_the_resource_page_follows_every_change(client):
    resource = make_resource(title="Member")
    page = resource.get_absolute_url()
    assert b"Part of" not in client.get(page).content
    collection = make_collection([resource], title="The reading list")
    response = client.get(page)
    assert b"Part of" in response.content and b"The reading list" in response.content
    assert client.get(page)["X-Cache"] == "hit"
    collection.title = "The renamed list"
    collection.save()
    assert b"The renamed list" in client.get(page).content
    CollectionItem.objects.filter(collection=collection).delete()
    assert b"Part of" not in client.get(page).content


def test_a_draft_collection_is_not_named_on_resource_pages(client):
    resource = make_resource()
    make_collection([resource], title="Secret draft list", status=Status.DRAFT)
    assert b"Secret draft list" not in client.get(resource.get_absolute_url()).content


def test_theme_pages_show_their_collections(client):
    make_collection(title="Election starter", themes=["electoral-processes"])
    make_collection(title="Youth starter", themes=["youth-engagement"])
    response = client.get("/themes/electoral-processes/")
    assert b"Election starter" in response.content and b"Youth starter" not in response.content
    assert client.get("/themes/electoral-processes/")["X-Cache"] == "hit"
    make_collection(title="Second election list", themes=["electoral-processes"])
    assert b"Second election list" in client.get("/themes/electoral-processes/").content


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_pages_in_every_language(client, language):
    collection = make_collection([make_resource()])
    for path in ("/collections/", collection.get_absolute_url()):
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200
        assert f'lang="{language}"'.encode() in response.content


def test_query_counts_do_not_grow_with_the_number_of_resources(client, django_assert_max_num_queries):
    small = make_collection([make_resource() for _ in range(2)])
    large = make_collection(
        [make_resource(themes=["electoral-processes"], countries=["KE"]) for _ in range(25)]
    )
    for resource in large.resources.all()[:10]:
        make_file(resource)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("library:list"))  # the facet index of this public state, which keeps the cards
    counts = []
    for collection in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(collection.get_absolute_url(), HTTP_COOKIE="").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(12):
        client.get(reverse("programmes:collections") + "?page=1")


def test_the_sitemap_lists_published_collections_and_open_programmes(client):
    from tests.programmes.builders import make_programme

    shown = make_collection()
    hidden = make_collection(status=Status.DRAFT)
    open_programme = make_programme(modules=0)
    partners = make_programme(modules=0, partners_only=True)
    text = b"".join(
        client.get(f"/sitemap-{section}.xml").content for section in ("collections", "programmes", "pages")
    ).decode()
    assert shown.get_absolute_url() in text and hidden.get_absolute_url() not in text
    assert open_programme.get_absolute_url() in text and partners.get_absolute_url() not in text
    assert "/collections/</loc>" in text and "/programmes/</loc>" in text
