"""Whatever arrives in the query string or a form, the answer is 200/3xx or a 4xx: never a 500,
and a refused form writes nothing."""

import itertools
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programmes.models import CheckAttempt, StepDone
from tests.factories import make_user
from tests.programmes.builders import make_collection, make_programme

pytestmark = pytest.mark.django_db

_people = itertools.count()

junk = st.text(max_size=30)
PARAMETERS = {
    "theme": st.one_of(st.sampled_from(["electoral-processes", "youth-engagement"]), junk),
    "language": st.one_of(st.sampled_from(["en", "fr", "es", "ar"]), junk),
    "level": st.one_of(st.sampled_from(["introductory", "intermediate", "advanced"]), junk),
    "page": st.one_of(st.integers(-5, 10_000).map(str), junk),
    "code": junk,
}
query = st.dictionaries(st.sampled_from(sorted(PARAMETERS)), st.text(max_size=0), max_size=4).flatmap(
    lambda keys: st.fixed_dictionaries({key: PARAMETERS[key] for key in keys})
)


@pytest.fixture
def content(db):
    make_collection(themes=["electoral-processes"])
    return make_programme(modules=1, steps=1, questions=2)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=query,
    path=st.sampled_from(
        ["/collections/", "/programmes/", "/feeds/collections/", "/certificates/", "/fr/collections/"]
    ),
)
def test_list_parameters_never_fail(client, content, params, path):
    response = client.get(f"{path}?{urlencode(params)}")
    past_the_end = {404} if "page" in params else set()  # a page number past the end of a list
    assert response.status_code in {200, 302, 400, *past_the_end}, response.status_code


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    form=st.dictionaries(
        st.one_of(st.sampled_from(["done", "q1", "q2", "language"]), st.text(max_size=8)),
        st.one_of(st.integers(-1, 10**12).map(str), st.text(max_size=12)),
        max_size=4,
    )
)
def test_forms_answer_4xx_and_write_nothing_when_refused(client, content, form):
    user = make_user(f"person-{next(_people)}")  # examples share the test's transaction
    client.force_login(user)
    client.post(f"{content.get_absolute_url()}enrol/")
    module = content.modules.get()
    step = module.steps.get()
    before = (StepDone.objects.count(), CheckAttempt.objects.count())
    response = client.post(f"/programmes/{content.slug}/steps/{step.pk}/", form)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert StepDone.objects.count() == before[0]
    response = client.post(f"/programmes/{content.slug}/modules/{module.pk}/self-check/", form)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert CheckAttempt.objects.count() == before[1]
    response = client.get(f"{content.get_absolute_url()}certificate.pdf?{urlencode(form)}")
    assert response.status_code in (400, 404)
