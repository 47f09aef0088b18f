"""Any query string, any parameters, on every list view: an answer (200 or 400), never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.search import parse
from library.search.query import MAX_EXCLUDED, MAX_GROUPS
from tests.library.search_corpus import build_corpus

pytestmark = pytest.mark.django_db

LIST_VIEWS = [
    "/library/",
    "/toolkits/",
    "/guides/",
    "/case-studies/",
    "/themes/electoral-processes/",
    "/tags/youth-councils/",
    "/fr/library/",
]
PARAMETERS = [
    "q",
    "kind",
    "theme",
    "tag",
    "country",
    "region",
    "language",
    "year_from",
    "year_to",
    "sort",
    "page",
]
SYNTAX = st.sampled_from(
    ['"', "-", " or ", " OR ", "*", "|", "(", ")", "election", "observ", "-radio", "é", "選"]
)
QUERIES = st.one_of(st.text(max_size=200), st.lists(SYNTAX, max_size=30).map("".join))
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["toolkit", "KE", "africa", "fr", "2019", "-1", "99999999999999999999", "1e3", "NaN", "relevance"]
    ),
)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def corpus():
    return build_corpus()


@FUZZ
@given(url=st.sampled_from(LIST_VIEWS), q=QUERIES)
def test_any_query_gets_an_answer(client, corpus, url, q):
    response = client.get(url, {"q": q})
    assert response.status_code in (200, 400)


@FUZZ
@given(
    url=st.sampled_from(LIST_VIEWS), params=st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=6)
)
def test_any_parameters_get_an_answer(client, corpus, url, params):
    response = client.get(url, params)
    assert response.status_code in (200, 400)


def test_a_ten_thousand_character_query_is_answered(client, corpus):
    q = " ".join(["election", '"observation missions"', "-radio", "or", "observ*"] * 400)[:10_000]
    response = client.get("/library/", {"q": q})
    assert response.status_code == 200
    parsed = parse(q)
    assert len(parsed.groups) <= MAX_GROUPS and len(parsed.excluded) <= MAX_EXCLUDED


def test_a_query_longer_than_ten_thousand_characters_is_refused_politely(client, corpus):
    response = client.get("/library/", {"q": "a" * 10_001})
    assert response.status_code == 400
    assert "Search" in response.content.decode()
