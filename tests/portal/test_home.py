import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_case_study, make_resource
from tests.library.cards_shown import card_titles

pytestmark = pytest.mark.django_db


def test_home_shows_featured_and_latest_resources_themes_and_a_search_box(client):
    make_resource(title="Featured guide", featured=True)
    make_case_study(title="Newest case")
    make_resource(title="Unfinished draft", status="draft", featured=True)
    response = client.get("/")
    page = response.content.decode()
    assert card_titles(response) == ["Featured guide", "Newest case", "Featured guide"]
    assert "Unfinished draft" not in page
    assert 'role="search"' in page and 'name="q"' in page
    assert "Electoral processes" in page


def test_a_second_reader_of_the_home_page_reads_only_the_public_state_and_the_next_events(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # count what rendering costs, not a cache hit
    for number in range(8):
        make_resource(title=f"Guide {number}", featured=number % 2 == 0, themes=["electoral-processes"])
    first = client.get("/")
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/")
    assert card_titles(again) == card_titles(first)
    assert card_titles(again)[:3] == ["Guide 6", "Guide 4", "Guide 2"]  # featured, newest first
    assert card_titles(again)[3:] == ["Guide 7", "Guide 6", "Guide 5", "Guide 4", "Guide 3", "Guide 2"]
    state, events = (q["sql"] for q in captured.captured_queries)  # exactly these two
    assert "library_publicversion" in state
    assert "events_event" in events and "library_resource" not in events
    featured = make_resource(title="Newly featured", featured=True)
    assert card_titles(client.get("/"))[0] == "Newly featured"
    featured.featured = False
    featured.save()
    assert "Newly featured" not in card_titles(client.get("/"))[:3]


def test_every_page_has_a_skip_link_landmarks_and_a_language(client):
    page = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert 'href="#main"' in page
    for landmark in ("<header", '<main id="main"', "<footer", "<nav"):
        assert landmark in page


def test_the_arabic_interface_is_right_to_left(client):
    page = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page


def test_no_inline_script_or_style_anywhere(client):
    case = make_case_study()
    for url in ["/", "/library/", case.get_absolute_url(), "/themes/", "/accounts/login/"]:
        page = client.get(url).content.decode()
        assert "<script" not in page or 'type="application/ld+json"' in page, url
        assert " style=" not in page and "<style" not in page, url


def test_the_main_navigation_is_in_the_pages_language(client):
    english = client.get("/").content.decode()
    french = client.get("/fr/").content.decode()
    assert '<li><a href="/library/">Library</a></li>' in english
    assert '<li><a href="/fr/events/">' in french and '<li><a href="/events/">' in english
    assert '<nav aria-label="Main">' in english
    assert '<nav aria-label="Main">' not in french, "the French label, from the French catalogue"
