"""The list view's `q`: what it finds and in which order, on a small hand-written corpus."""

import pytest

from tests.library.cards_shown import card_titles
from tests.library.search_corpus import build_corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    return build_corpus()


def found(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return card_titles(response)


def test_it_ranks_title_matches_above_summary_matches_above_body_matches(client, corpus):
    assert found(client, "/library/?q=election observation") == [
        "Election observation handbook",
        "Radio for democracy",
        "Budget monitoring at the council",
    ]


def test_it_finds_an_exact_phrase_only_with_its_words_side_by_side(client, corpus):
    assert found(client, '/library/?q="observation missions"') == ["Radio for democracy"]
    assert found(client, '/library/?q="observation election"') == []


def test_it_leaves_out_excluded_words(client, corpus):
    assert found(client, "/library/?q=election -radio -budget") == ["Election observation handbook"]


def test_it_finds_either_word_joined_by_or(client, corpus):
    assert set(found(client, "/library/?q=radio or budget")) == {
        "Radio for democracy",
        "Budget monitoring at the council",
    }


def test_it_finds_other_forms_of_a_word(client, corpus):
    assert "Election observation handbook" in found(client, "/library/?q=observers")
    assert "Observation électorale au Sénégal" in found(client, "/library/?q=observateur")


def test_it_ignores_accents_both_ways(client, corpus):
    assert found(client, "/library/?q=participacion") == ["Participación ciudadana en elecciones"]
    assert found(client, "/library/?q=SENEGAL") == ["Observation électorale au Sénégal"]
    assert "Election observation handbook" in found(client, "/library/?q=élection")


def test_it_leaves_out_stop_words(client, corpus):
    assert found(client, "/library/?q=the of and") == found(client, "/library/")


def test_it_searches_tags_and_case_study_lessons(client, corpus):
    assert found(client, "/library/?q=accountability") == ["Public hearings"]
    assert found(client, "/library/?q=councillors") == ["Youth councils in Nepal"]


def test_it_searches_the_text_of_attached_files(client, corpus):
    assert found(client, "/library/?q=marimba") == ["Training pack"]
    assert found(client, "/library/?q=xylophone") == ["Coalition toolkit"]


def test_it_combines_the_query_with_filters(client, corpus):
    assert found(client, "/library/?q=observation&language=fr") == ["Observation électorale au Sénégal"]
    assert found(client, "/library/?q=election&country=KE&kind=toolkit") == ["Election observation handbook"]
    assert found(client, "/library/?q=election&theme=electoral-processes&country=KE") == [
        "Election observation handbook"
    ]
    assert found(client, "/toolkits/?q=observation") == ["Election observation handbook"]


def test_it_finds_words_by_their_beginning(client, corpus):
    assert set(found(client, "/library/?q=observ*")) >= {
        "Election observation handbook",
        "Radio for democracy",
    }


def test_it_never_finds_drafts(client, corpus):
    titles = found(client, "/library/?q=secrets")
    assert "Election observation secrets" not in titles
    assert titles == []


def test_it_sorts_matches_by_date_when_asked(client, corpus):
    titles = found(client, "/library/?q=election observation&sort=title")
    assert titles == sorted(titles)
