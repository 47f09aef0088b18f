"""The filter panel of a library list (library.views.filter_panel) is the same for everyone who
asks with the same parameters, so it is rendered once per public state, language, list and
parameters; the page number is not one of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_resource, make_toolkit
from tests.rendered import templates_rendered

pytestmark = pytest.mark.django_db

PANEL = "includes/filter_panel.html"
KENYA_TICKED = '<input type="checkbox" name="country" value="KE" id="filter-country-KE" checked>'


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the page itself is rendered on every request here
    settings.LIBRARY_PAGE_SIZE = 1


@pytest.fixture(autouse=True)
def library():
    make_toolkit(title="Kenyan toolkit", countries=["KE"], themes=["electoral-processes"])
    make_toolkit(title="Ugandan toolkit", countries=["UG"], themes=["electoral-processes"])
    make_resource(title="Kenyan guide", countries=["KE"])


def panel_of(response):
    html = response.content.decode()
    start = html.index('<form class="filters"')
    return html[start : html.index("</form>", start)]


def test_a_second_reader_of_the_same_list_gets_the_panel_without_counting_or_rendering(client):
    first = client.get("/library/?country=KE")
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/library/?country=KE")

    assert PANEL in templates_rendered(first) and PANEL not in templates_rendered(again)
    assert panel_of(again) == panel_of(first)
    assert KENYA_TICKED in panel_of(again)
    assert [q["sql"] for q in captured.captured_queries if "library_publicversion" not in q["sql"]] == []


def test_another_page_of_the_same_list_shares_the_panel(client):
    first = client.get("/library/?country=KE")
    second_page = client.get("/library/?country=KE&page=2")

    assert PANEL not in templates_rendered(second_page)
    assert panel_of(second_page) == panel_of(first)
    shown = {title for title in ("Kenyan toolkit", "Kenyan guide") if title in second_page.content.decode()}
    assert len(shown) == 1 and shown.pop() not in first.content.decode(), "the other page of the list"


def test_other_filters_other_lists_and_other_languages_have_their_own_panel(client):
    library = panel_of(client.get("/library/?country=KE"))
    unfiltered = client.get("/library/")
    toolkits = client.get("/toolkits/?country=KE")
    theme = client.get("/themes/electoral-processes/?country=KE")
    french = client.get("/fr/library/?country=KE")

    assert KENYA_TICKED not in panel_of(unfiltered)
    assert 'name="kind"' not in panel_of(toolkits), "a list of one kind has no kind facet"
    assert 'Kenya <span class="facet__count">2</span>' in library
    assert 'Kenya <span class="facet__count">1</span>' in panel_of(theme), "the guide has no theme"
    assert "Search and filter" not in panel_of(french)
    assert all(PANEL in templates_rendered(response) for response in (unfiltered, toolkits, theme, french))


def test_the_counts_follow_a_change(client):
    before = panel_of(client.get("/library/"))
    make_resource(title="Another Kenyan guide", countries=["KE"])
    after = panel_of(client.get("/library/"))

    assert 'Kenya <span class="facet__count">2</span>' in before
    assert 'Kenya <span class="facet__count">3</span>' in after
