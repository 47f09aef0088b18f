"""Both databases answer a query exactly as the parsed query means it.

The same test runs on SQLite (FTS5) and on PostgreSQL (tsvector): each must find exactly the
resources a plain-Python reading of the parsed query finds in the analysed documents, so the two
backends give the same answers on the same data."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library import search
from library.facet_index import forget
from library.filters import ResourceFilter
from library.listing import Listing
from library.models import Resource
from library.search.documents import FIELDS, build
from tests.library.search_corpus import build_corpus

pytestmark = pytest.mark.django_db

WORDS = [
    "election",
    "observation",
    "observers",
    "radio",
    "budget",
    "participacion",
    "senegal",
    "youth",
    "councils",
    "mentoring",
    "xylophone",
    "marimba",
    "community",
    "the",
    "citizens",
    "vote",
    "électorale",
    "observateurs",
    "hearings",
    "accountability",
    "missions",
    "council",
]
PIECE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: "-" + w),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"'),
    st.sampled_from(WORDS).map(lambda w: w[:4] + "*"),
    st.just("or"),
)
QUERIES = st.lists(PIECE, min_size=1, max_size=5).map(" ".join)


def term_matches(term, fields):
    for terms in fields.values():
        if term.prefix:
            if any(t.startswith(term.variants[0][0]) for t in terms):
                return True
            continue
        for variant in term.variants:
            size = len(variant)
            if any(tuple(terms[i : i + size]) == variant for i in range(len(terms) - size + 1)):
                return True
    return False


def reference(documents, query):
    found = set()
    for document in documents:
        fields = {name: document.fields[name] for name in FIELDS}
        if not all(any(term_matches(term, fields) for term in group) for group in query.groups):
            continue
        if any(term_matches(term, fields) for term in query.excluded):
            continue
        found.add(document.resource_id)
    return found


@pytest.fixture
def documents():
    build_corpus()
    return build(Resource.objects.values_list("id", flat=True))[0]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=QUERIES)
def test_the_database_finds_what_the_query_means(documents, q):
    query = search.parse(q)
    found = set(search.matching(Resource.objects.all(), query).values_list("id", flat=True))
    expected = reference(documents, query) if query else {d.resource_id for d in documents}
    assert found == expected, q


def listing(q):
    return Listing(ResourceFilter({"q": q}, queryset=Resource.objects.published()))


def ids_of(mask):
    return {i for i in range(mask.bit_length()) if mask >> i & 1}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=QUERIES)
def test_the_list_finds_what_the_query_means(documents, q):
    """The list pages' matches (a bitset from the index) are the SQL filter's, published only."""
    forget()
    query = search.parse(q)
    published = set(Resource.objects.published().values_list("id", flat=True))
    expected = reference(documents, query) if query else {d.resource_id for d in documents}
    assert ids_of(listing(q).results) == expected & published, q


@pytest.mark.parametrize(
    "q",
    [
        "election observation",
        '"election observation"',
        "observers -radio",
        "radio or budget",
        "observ*",
        "senegal youth councils",
    ],
)
def test_the_list_ranks_as_feeds_and_exports_do(documents, q):
    query = search.parse(q)
    ranked = listing(q).page_ids(0, 100)
    assert len(ranked) == len(set(ranked))
    published = Resource.objects.published()
    assert set(ranked) == reference(documents, query) & set(published.values_list("id", flat=True))
    ordered = list(search.by_relevance(search.matching(published, query), query).values_list("id", flat=True))
    assert ordered == ranked
