"""Whatever arrives in the query string, the API answers 200 or 400 in JSON (never a 500), and
OAI-PMH answers 200 with a result or an OAI error; a 400 names the parameters it did not take.
Values are drawn from the list pages' valid values as often as from junk (see the library's own
property test, tests/library/test_query_parameters_property.py, whose strategies these are)."""

from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import make_case_study, make_resource
from tests.library.test_query_parameters_property import FUZZ, PARAMETERS, VALID, junk, one_of

pytestmark = pytest.mark.django_db

API_VALID = {
    **{name: strategy for name, strategy in VALID.items() if name != "page"},
    "page_size": st.integers(-2, 120).map(str),
    "fields": st.lists(one_of(["slug", "title", "tags", "licence", "nope"]), max_size=3).map(",".join),
    "facets": st.lists(one_of(["theme", "country", "year", "colour"]), max_size=3).map(",".join),
    "cursor": one_of(["", "abc", "eyJzIjoibmV3ZXN0In0:1x:bad"]),
}
API_NAMES = [*API_VALID, "page", "unknown"]
api_pairs = st.lists(
    one_of(API_NAMES).flatmap(
        lambda name: st.tuples(st.just(name), st.one_of(API_VALID.get(name, junk), junk))
    ),
    max_size=8,
)
OAI_NAMES = ["verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken", "other"]
OAI_VALID = {
    "verb": one_of(
        ["Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords"]
    ),
    "metadataPrefix": one_of(["oai_dc", "marc21"]),
    "identifier": one_of(["oai:library.example.org:1", "oai:library.example.org:99999999999999999999", "x"]),
    "from": one_of(["2020-01-01", "2020-01-01T00:00:00Z", "2020-13-45", "1999"]),
    "until": one_of(["2100-01-01", "2100-01-01T00:00:00Z", "yesterday"]),
    "set": one_of(["kind", "kind:toolkit", "theme:electoral-processes", "nope"]),
}
oai_pairs = st.lists(
    one_of(OAI_NAMES).flatmap(
        lambda name: st.tuples(st.just(name), st.one_of(OAI_VALID.get(name, junk), junk))
    ),
    max_size=6,
)


@pytest.fixture
def content(db):
    make_resource(title="Radio for women", themes=["womens-empowerment"], countries=["KE"], tags=["radio"])
    make_case_study(title="Observer network", countries=["PE"])


@FUZZ
@given(pairs=api_pairs)
def test_the_list_answers_200_or_a_json_400(client, content, pairs):
    response = client.get("/api/v1/resources/?" + urlencode(pairs))

    assert response.status_code in (200, 400), (pairs, response.content[:300])
    body = response.json()
    if response.status_code == 400:
        assert body["error"]["parameters"], pairs
        assert set(body["error"]["parameters"]) <= {name for name, _value in pairs}
    else:
        assert isinstance(body["results"], list)


@FUZZ
@given(pairs=st.lists(one_of(PARAMETERS).flatmap(lambda n: st.tuples(st.just(n), VALID[n])), max_size=6))
def test_valid_list_parameters_are_answered_200(client, content, pairs):
    pairs = [(name, value) for name, value in pairs if name != "page"]
    once = {"q", "sort", "region", "year_from", "year_to"}
    seen, kept = set(), []
    for name, value in pairs:
        if name in once and name in seen:
            continue
        seen.add(name)
        kept.append((name, value))

    response = client.get("/api/v1/resources/?" + urlencode(kept))

    assert response.status_code == 200, (kept, response.content[:300])


@FUZZ
@given(pairs=oai_pairs)
def test_oai_answers_a_result_or_an_oai_error(client, content, pairs):
    response = client.get("/oai/?" + urlencode(pairs))

    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert body.rstrip().endswith("</OAI-PMH>")
