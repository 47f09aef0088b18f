"""The Atom feeds: /feeds/latest/ (narrowed by the list's parameters) and /feeds/themes/<slug>/."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from library.models.resources import Kind, Status
from tests.factories import make_resource, make_toolkit

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    assert feed.tag == f"{ATOM}feed"
    return {entry.findtext(f"{ATOM}title"): entry for entry in feed.findall(f"{ATOM}entry")}


def test_it_lists_published_resources_only(client):
    make_resource(title="Out in the open")
    make_resource(title="A draft", status=Status.DRAFT)
    make_resource(title="In review", status=Status.REVIEW)
    make_resource(title="Archived", status=Status.ARCHIVED)
    make_resource(title="Scheduled", published_at=timezone.now() + timedelta(days=2))

    assert set(entries(client.get("/feeds/latest/"))) == {"Out in the open"}


def test_each_entry_links_to_the_resource_with_its_summary_and_dates(client):
    resource = make_toolkit(
        title="Observer handbook", summary="How to watch a count.", themes=["electoral-processes"]
    )

    entry = entries(client.get("/feeds/latest/"))["Observer handbook"]

    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{resource.get_absolute_url()}"
    assert entry.findtext(f"{ATOM}summary") == "How to watch a count."
    assert entry.findtext(f"{ATOM}published").startswith(str(resource.published_at.year))
    assert entry.find(f"{ATOM}category").get("term") == "Electoral processes"


def test_it_is_narrowed_by_the_list_parameters_like_a_saved_search(client):
    make_toolkit(title="Kenyan toolkit", countries=["KE"], themes=["electoral-processes"])
    make_toolkit(title="Peruvian toolkit", countries=["PE"], themes=["electoral-processes"])
    make_resource(title="Kenyan guide", kind=Kind.GUIDE, countries=["KE"])

    response = client.get("/feeds/latest/?kind=toolkit&country=KE&theme=electoral-processes")

    assert set(entries(response)) == {"Kenyan toolkit"}


def test_a_theme_feed_lists_that_themes_resources(client):
    make_resource(title="On elections", themes=["electoral-processes"])
    make_resource(title="On youth", themes=["youth-engagement"])

    assert set(entries(client.get("/feeds/themes/youth-engagement/"))) == {"On youth"}


def test_an_unknown_theme_is_not_found(client):
    assert client.get("/feeds/themes/no-such-theme/").status_code == 404


def test_a_parameter_it_cannot_understand_is_answered_400(client):
    response = client.get("/feeds/latest/?year_from=long-ago")

    assert response.status_code == 400
    assert b"could not be understood" in response.content


def test_the_feed_title_speaks_the_readers_language(client):
    make_resource()
    feed = ElementTree.fromstring(client.get("/fr/feeds/latest/").content)  # noqa: S314 - our own response

    assert "ressources" in feed.findtext(f"{ATOM}title").lower()


def test_the_list_page_offers_the_feed_of_the_same_search(client):
    response = client.get("/toolkits/?country=KE&page=1")

    assert '<link rel="alternate" type="application/atom+xml"' in response.content.decode()
    assert response.context["feed_url"] == "/feeds/latest/?country=KE&kind=toolkit"


def test_a_full_text_query_narrows_the_feed(client):
    make_resource(title="Citizen observers at the polls", summary="Observers watched every count.")
    make_resource(title="Youth councils", summary="Young people in local government.")

    assert set(entries(client.get("/feeds/latest/?q=observers"))) == {"Citizen observers at the polls"}


def test_theme_and_tag_pages_offer_their_own_feeds(client):
    make_resource(title="Tagged and themed", tags=["election observation"], themes=["electoral-processes"])
    make_resource(title="Untagged")

    theme_page = client.get("/themes/electoral-processes/?country=KE")
    tag_page = client.get("/fr/tags/election-observation/")

    assert theme_page.context["feed_url"] == "/feeds/themes/electoral-processes/?country=KE"
    assert tag_page.context["feed_url"] == "/fr/feeds/latest/?tag=election-observation"
    assert set(entries(client.get(tag_page.context["feed_url"]))) == {"Tagged and themed"}
