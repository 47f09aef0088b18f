"""Whatever arrives in the query string, the list views answer 200 or 400: never a 500. A query
string made only of values the contract allows is answered 200, results filtered and sorted.

Each parameter draws from its own valid values as often as from junk: junk alone is refused by
the form (400) before any filter, search or page runs, so those would go untested."""

from urllib.parse import urlencode

import pytest
from django_countries import countries
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from library.filters import YEAR_MAX, YEAR_MIN
from library.geography import REGIONS
from library.languages import CONTENT_LANGUAGES
from tests.factories import make_case_study, make_resource

pytestmark = pytest.mark.django_db

LIST_URLS = [
    "/library/",
    "/toolkits/",
    "/guides/",
    "/case-studies/",
    "/themes/electoral-processes/",
    "/tags/radio/",
    "/fr/library/",
]


def one_of(values):
    return st.sampled_from(list(values))


years = st.integers(YEAR_MIN, YEAR_MAX).map(str)
search_words = one_of(['"', "-", " or ", " OR ", "*", "radio", "observ", "women", "é", "選", " "])
# values the contract allows, per parameter: its fixed lists spelt out here, so that the code
# losing one fails; the open-ended ones from the code (an unknown tag slug is allowed)
VALID = {
    "q": st.lists(search_words, max_size=12).map("".join),
    "kind": one_of(["toolkit", "guide", "case-study"]),
    "theme": one_of(
        [
            "community-activism",
            "rule-of-law-and-human-rights",
            "tools-for-knowledge",
            "womens-empowerment",
            "youth-engagement",
            "media-and-freedom-of-information",
            "civil-society-and-government",
            "electoral-processes",
        ]
    ),
    "tag": one_of(["radio", "no-such-tag"]),
    "country": st.one_of(one_of(["KE", "PE"]), one_of(code for code, _name in countries)),
    "region": one_of(REGIONS),
    "language": one_of(code for code, _name in CONTENT_LANGUAGES),
    "year_from": years,
    "year_to": years,
    "sort": one_of(["relevance", "newest", "oldest", "title", "popular"]),
    "page": one_of(["1", ""]),  # the few resources below fill one page; other pages are 404 (below)
}
PARAMETERS = list(VALID)
# text that a form or a crafted link could carry, including NUL and huge numbers
junk = st.one_of(
    st.text(max_size=60),
    one_of(["\x00", "'; DROP TABLE x; --", '"a', "-", "1e9", "NaN", "99999999999999999999", "<script>"]),
    st.integers().map(str),
)
valid_pairs = st.lists(
    one_of(PARAMETERS).flatmap(lambda name: st.tuples(st.just(name), VALID[name])), max_size=8
)
any_pairs = st.lists(
    one_of(PARAMETERS).flatmap(lambda name: st.tuples(st.just(name), st.one_of(VALID[name], junk))),
    max_size=8,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def few_resources(db):
    make_resource(
        title="Radio for rural women", themes=["electoral-processes"], countries=["KE"], tags=["radio"]
    )
    make_case_study(
        title="Observers in Peru", themes=["electoral-processes"], countries=["PE"], tags=["radio"]
    )


@FUZZ
@given(pairs=any_pairs, url=one_of(LIST_URLS))
def test_list_views_never_fail_on_any_query_string(client, few_resources, pairs, url):
    response = client.get(f"{url}?{urlencode(pairs)}")
    allowed = (200, 400, 404) if any(name == "page" for name, _value in pairs) else (200, 400)
    assert response.status_code in allowed, (url, pairs, response.status_code)


@FUZZ
@given(pairs=valid_pairs, url=one_of(LIST_URLS))
def test_list_views_answer_every_allowed_query_string(client, few_resources, pairs, url):
    response = client.get(f"{url}?{urlencode(pairs)}")
    assert response.status_code == 200, (url, pairs, response.status_code)


@FUZZ
@given(page=st.one_of(st.integers(-3, 5), st.integers()), url=one_of(LIST_URLS))
def test_a_page_outside_the_list_is_404_with_a_link_to_its_last_page(client, few_resources, page, url):
    response = client.get(f"{url}?{urlencode({'page': page, 'sort': 'title'})}")
    if page == 1:
        assert response.status_code == 200
    else:
        assert response.status_code == 404, page
        assert f'<a href="{url}?sort=title">' in response.content.decode()  # the first page, filters kept


@FUZZ
@given(page=st.one_of(junk, st.floats().map(str)), url=one_of(LIST_URLS))
@example(page="\r", url="/library/")  # only whitespace: no whole number (hypothesis found it)
def test_a_page_number_that_is_no_whole_number_is_400(client, few_resources, page, url):
    response = client.get(f"{url}?{urlencode({'page': page})}")
    try:
        number = int(page) if page else 1  # an empty one is the first page; whitespace alone is not
    except ValueError:
        assert response.status_code == 400, page
        assert url.startswith("/fr/") or "not a whole number" in response.content.decode()
    else:
        assert response.status_code == (200 if number == 1 else 404), page
