"""One-click unsubscribe (signed links, RFC 8058) and the choices on /accounts/."""

import pytest
from django.test import Client

from tests.factories import make_toolkit, make_user
from upkeep import unsubscribe
from upkeep.models import NoticeOptOut

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana():
    return make_user("ana", email="ana@example.org")


@pytest.fixture
def toolkit():
    return make_toolkit(slug="kit", title="Observer toolkit")


def address(user, resource):
    return f"/accounts/change-notices/unsubscribe/{unsubscribe.token(user, resource)}/"


def test_the_link_asks_first_and_a_get_changes_nothing(client, ana, toolkit):
    response = client.get(address(ana, toolkit))
    assert response.status_code == 200
    assert "Observer toolkit" in response.content.decode()
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert not NoticeOptOut.objects.exists()


def test_one_click_post_without_cookies_or_csrf_unsubscribes_from_the_resource(ana, toolkit):
    mail_program = Client(enforce_csrf_checks=True)
    url = address(ana, toolkit)
    response = mail_program.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert (
        "You will get no more e-mail about new versions of “Observer toolkit”." in response.content.decode()
    )
    assert list(NoticeOptOut.objects.values_list("user", "resource")) == [(ana.pk, toolkit.pk)]
    assert mail_program.post(url).status_code == 200, "twice is fine"
    assert NoticeOptOut.objects.count() == 1


def test_the_all_link_stops_every_notice(client, ana):
    client.post(address(ana, None))
    assert list(NoticeOptOut.objects.values_list("user", "resource")) == [(ana.pk, None)]


@pytest.mark.parametrize(
    "token",
    ["nonsense", "WzEsMF0:1ab:forged", unsubscribe.signing.dumps([1, 0], salt="another-salt"), "a" * 300],
)
def test_a_link_that_is_not_ours_is_a_clear_400(client, ana, token):
    for method in (client.get, client.post):
        response = method(f"/accounts/change-notices/unsubscribe/{token}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert not NoticeOptOut.objects.exists()


def test_a_signed_link_with_unexpected_content_is_400(client):
    token = unsubscribe.signing.dumps({"u": 1}, salt=unsubscribe.SALT)
    assert client.get(f"/accounts/change-notices/unsubscribe/{token}/").status_code == 400


def test_a_link_for_a_deleted_resource_or_person_is_400(client, ana, toolkit):
    url = address(ana, toolkit)
    toolkit.delete()
    assert client.post(url).status_code == 400
    url = address(ana, None)
    ana.delete()
    assert client.post(url).status_code == 400


def test_the_pages_speak_the_readers_language(client, ana, toolkit):
    page = client.get("/ar" + address(ana, toolkit)).content.decode()
    assert 'dir="rtl"' in page and "أوقف هذه الرسائل" in page


def test_the_account_page_offers_the_choice_and_lists_opt_outs(
    client, ana, toolkit, django_assert_max_num_queries
):
    NoticeOptOut.objects.create(user=ana, resource=toolkit)
    for number in range(5):
        NoticeOptOut.objects.create(user=ana, resource=make_toolkit(slug=f"other-{number}"))
    client.force_login(ana)
    with django_assert_max_num_queries(20):
        page = client.get("/accounts/").content.decode()
    assert "News of changed files" in page
    assert 'name="notify" checked' in page
    assert page.count("Hear of its changes again") == 6


def test_turning_notices_off_and_on_again(client, ana):
    client.force_login(ana)
    response = client.post("/accounts/change-notices/", {})
    assert response.status_code == 302
    assert NoticeOptOut.objects.filter(user=ana, resource=None).exists()
    assert 'name="notify">' in client.get("/accounts/").content.decode()
    client.post("/accounts/change-notices/", {"notify": "on"})
    assert not NoticeOptOut.objects.exists()


def test_resuming_one_resource(client, ana, toolkit):
    other = make_user("ben")
    NoticeOptOut.objects.create(user=ana, resource=toolkit)
    NoticeOptOut.objects.create(user=other, resource=toolkit)
    client.force_login(ana)
    assert client.post("/accounts/change-notices/resume/", {"resource": toolkit.pk}).status_code == 302
    assert list(NoticeOptOut.objects.values_list("user", flat=True)) == [other.pk]


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999999999999999999", "1e3"])
def test_bad_input_to_resume_is_400_and_changes_nothing(client, ana, toolkit, value):
    NoticeOptOut.objects.create(user=ana, resource=toolkit)
    client.force_login(ana)
    response = client.post("/accounts/change-notices/resume/", {"resource": value})
    assert response.status_code == 400
    assert NoticeOptOut.objects.count() == 1


def test_someone_elses_opt_out_cannot_be_removed(client, ana, toolkit):
    NoticeOptOut.objects.create(user=make_user("ben"), resource=toolkit)
    client.force_login(ana)
    assert client.post("/accounts/change-notices/resume/", {"resource": toolkit.pk}).status_code == 400
    assert NoticeOptOut.objects.count() == 1


def test_the_choices_need_a_signed_in_person_and_a_post(client, ana):
    assert client.post("/accounts/change-notices/", {}).status_code == 302
    assert "/accounts/login/" in client.post("/accounts/change-notices/", {})["Location"]
    client.force_login(ana)
    assert client.get("/accounts/change-notices/").status_code == 405
    assert not NoticeOptOut.objects.exists()
