""" "Did you mean ...?" for a misspelt query, from the library's own words, and the empty-results
page that offers it."""

import pytest

from library.models.resources import Status
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_it_suggests_the_library_words_for_a_misspelt_query(client):
    make_resource(title="Election observation handbook", tags=["election observation"])
    response = client.get("/library/?q=electon obsevation&language=en")
    assert response.context["suggestion"]["query"] == "election observation"
    html = response.content.decode()
    assert 'Did you mean <a href="?q=election+observation&amp;language=en">election observation</a>?' in html


def test_it_keeps_the_query_syntax_around_the_corrected_words(client):
    make_resource(title="Election observation handbook")
    response = client.get('/library/?q="electon observation" -radio')
    assert response.context["suggestion"]["query"] == '"election observation" -radio'


def test_it_never_suggests_a_word_only_unpublished_resources_hold(client):
    make_resource(title="Zanzibar election secrets", status=Status.DRAFT)
    response = client.get("/library/?q=zanzibr")
    assert response.context["suggestion"] is None
    assert "Zanzibar" not in response.content.decode()


def test_it_suggests_nothing_when_results_were_found(client):
    make_resource(title="Election observation handbook")
    assert client.get("/library/?q=election").context["suggestion"] is None


def test_the_empty_page_shows_the_query_and_a_way_to_drop_each_filter(client):
    make_resource(title="Election observation handbook", countries=["KE"])
    html = client.get("/library/?q=harmonica&country=KE&kind=toolkit").content.decode()
    assert "Nothing in the library matches “harmonica” with these filters." in html
    assert '<a href="?q=harmonica&amp;kind=toolkit">Search again without “Country: Kenya”</a>' in html
    assert '<a href="?q=harmonica&amp;country=KE">Search again without “Kind: Toolkit”</a>' in html
    assert 'href="/library/">Browse the whole library</a>' in html
