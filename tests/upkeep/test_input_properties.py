"""Whatever arrives at the unsubscribe link, the account choices, an earlier version's address or
the admin's review filter, the answer is a page or a clear 4xx, never a 500, and nothing changes
unless the input is exactly one we sent."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_file, make_toolkit, make_user
from upkeep import unsubscribe
from upkeep.models import NoticeOptOut

pytestmark = pytest.mark.django_db

PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
junk = st.text(min_size=1, max_size=300)


@pytest.fixture
def ana():
    return make_user("ana", email="ana@example.org")


@PROPERTY
@given(token=junk)
def test_any_unsubscribe_token_but_ours_is_400(client, ana, token):
    url = f"/accounts/change-notices/unsubscribe/{quote(token, safe='')}/"
    for method in (client.get, client.post):
        assert method(url).status_code in (400, 404)
    assert not NoticeOptOut.objects.exists()


@PROPERTY
@given(cut=st.integers(min_value=1, max_value=40), extra=st.text(max_size=5))
def test_a_damaged_signed_token_is_400(client, ana, cut, extra):
    token = unsubscribe.token(ana, None)
    damaged = token[:-cut] + extra
    if damaged == token:
        return
    response = client.post(f"/accounts/change-notices/unsubscribe/{quote(damaged, safe='')}/")
    assert response.status_code in (400, 404)
    assert not NoticeOptOut.objects.exists()


@PROPERTY
@given(notify=st.one_of(st.none(), junk), resource=st.one_of(st.none(), junk))
def test_the_account_choices_take_any_post(client, ana, notify, resource):
    client.force_login(ana)
    data = {key: value for key, value in (("notify", notify), ("resource", resource)) if value is not None}
    assert client.post("/accounts/change-notices/", data).status_code in (302, 400)
    assert client.post("/accounts/change-notices/resume/", data).status_code in (302, 400)


@PROPERTY
@given(number=st.integers(min_value=0, max_value=10**30))
def test_any_version_number_is_a_file_or_404(client, number):
    toolkit = make_toolkit()
    resource_file = make_file(toolkit)
    response = client.get(f"/downloads/{resource_file.uuid}/versions/{number}/")
    assert response.status_code == 404


@PROPERTY
@given(value=junk)
def test_the_review_filter_takes_any_value(client, value):
    client.force_login(make_user(f"admin{abs(hash(value))}", is_staff=True, is_superuser=True))
    response = client.get(f"/admin/library/resource/?review={quote(value, safe='')}")
    assert response.status_code < 500
