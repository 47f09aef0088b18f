"""Any search query, on every list view: an answer (200 or 400), never a 500. (Every other query
parameter: test_query_parameters_property.py.)"""

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
SYNTAX = st.sampled_from(
    ['"', "-", " or ", " OR ", "*", "|", "(", ")", "election", "observ", "-radio", "é", "選"]
)
QUERIES = st.one_of(st.text(max_size=200), st.lists(SYNTAX, max_size=30).map("".join))
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def corpus():
    return build_corpus()


@FUZZ
@given(url=st.sampled_from(LIST_VIEWS), q=QUERIES)
def test_any_query_gets_an_answer(client, corpus, url, q):
    response = client.get(url, {"q": q})
    # only a NUL character (or more than 10,000 characters, below) makes a query unreadable
    assert response.status_code == (400 if "\x00" in q else 200), q


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
