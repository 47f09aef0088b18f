"""Whatever arrives in the directory's query string, it answers 200, 400 or (a page past the end)
404, never a 500; a query string made only of allowed values is answered 200, or 404 when its page
number lies past the end (the two mentors here make one page)."""

from urllib.parse import urlencode

import pytest
from django_countries import countries
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.geography import REGIONS
from library.languages import CONTENT_LANGUAGES
from library.themes import THEMES
from tests.mentoring.helpers import make_mentor

pytestmark = pytest.mark.django_db


def one_of(values):
    return st.sampled_from(list(values))


VALID = {
    "q": st.lists(one_of(["radio", "Ana", "é", "選", " ", "observ", "%", "_", "'"]), max_size=6).map("".join),
    "theme": one_of(slug for slug, _name in THEMES),
    "region": one_of(REGIONS),
    "country": one_of(code for code, _name in countries),
    "language": one_of(code for code, _name in CONTENT_LANGUAGES),
    "room": one_of(["on", "true", "1", ""]),
    "page": st.one_of(st.integers(-3, 5), st.integers()).map(str),
}
PARAMETERS = list(VALID)
junk = st.one_of(
    st.text(max_size=60),
    one_of(["\x00", "'; DROP TABLE x; --", "<script>", "99999999999999999999", "NaN", "x" * 300]),
)
valid_pairs = st.lists(one_of(PARAMETERS).flatmap(lambda n: st.tuples(st.just(n), VALID[n])), max_size=6)
any_pairs = st.lists(
    one_of([*PARAMETERS, "unknown"]).flatmap(
        lambda n: st.tuples(st.just(n), st.one_of(VALID.get(n, junk), junk))
    ),
    max_size=6,
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def signed_in(client, mentee):
    make_mentor("ana", name="Ana Radio", countries=("PE",), languages=("es",))
    make_mentor("bo", name="Bo", themes=("youth-engagement",), countries=("KH",), languages=("km", "en"))
    client.force_login(mentee)
    return client


@FUZZ
@given(pairs=any_pairs)
def test_the_directory_never_fails_on_any_query_string(signed_in, pairs):
    response = signed_in.get(f"/mentors/?{urlencode(pairs)}")
    assert response.status_code in (200, 400, 404), (pairs, response.status_code)


@FUZZ
@given(pairs=valid_pairs)
def test_the_directory_answers_every_allowed_query_string(signed_in, pairs):
    pages = [value for name, value in pairs if name == "page"]
    expected = 404 if pages and pages[-1] != "1" else 200  # the last `page` given is the one read
    response = signed_in.get(f"/mentors/?{urlencode(pairs)}")
    assert response.status_code == expected, (pairs, response.status_code)
