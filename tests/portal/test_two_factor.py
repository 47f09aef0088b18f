"""Staff two-factor sign-in (TOTP): required for /admin/ when STAFF_REQUIRE_2FA is on."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.STAFF_REQUIRE_2FA = True


@pytest.fixture
def staff_client(client):
    client.force_login(make_user("staffer", is_staff=True, is_superuser=True))
    return client


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def test_staff_reach_the_admin_with_a_password_alone_when_it_is_not_required(staff_client):
    assert staff_client.get("/admin/").status_code == 200


def test_staff_without_a_second_factor_are_sent_to_the_code_page(required, staff_client):
    response = staff_client.get("/admin/library/resource/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/?next=%2Fadmin%2Flibrary%2Fresource%2F"


def test_the_first_visit_shows_a_key_and_a_qr_code_to_set_up_the_app(required, staff_client):
    page = staff_client.get("/accounts/two-factor/?next=/admin/")
    assert page.status_code == 200
    assert page.context["setting_up"] is True
    assert page.context["secret"] in page.content.decode()
    qr = staff_client.get("/accounts/two-factor/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content


def test_a_correct_code_confirms_the_device_and_opens_the_admin(required, staff_client):
    staff_client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get(confirmed=False)
    response = staff_client.post("/accounts/two-factor/", {"token": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert staff_client.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_admin_closed(required, staff_client):
    staff_client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get()
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = staff_client.post("/accounts/two-factor/", {"token": wrong})
    assert response.status_code == 400
    assert "not right" in response.content.decode()
    assert staff_client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert not device.confirmed


def test_a_code_that_is_not_digits_is_answered_400(required, staff_client):
    assert staff_client.post("/accounts/two-factor/", {"token": "12ab56"}).status_code == 400


def test_staff_with_a_device_are_asked_for_a_code_and_shown_no_key(required, client):
    person = make_user("editor", is_staff=True)
    device = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    client.force_login(person)
    assert client.get("/admin/").status_code == 302
    page = client.get("/accounts/two-factor/")
    assert page.context["setting_up"] is False
    assert client.get("/accounts/two-factor/qr.svg").status_code == 404
    client.post("/accounts/two-factor/", {"token": code_for(device)})
    assert client.get("/admin/").status_code == 200


def test_it_never_redirects_to_another_site_after_the_code(required, staff_client):
    staff_client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get()
    response = staff_client.post(
        "/accounts/two-factor/", {"token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_people_who_are_not_staff_are_not_asked_for_a_code(required, client, visitor):
    client.force_login(visitor)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.get("/accounts/").status_code == 200


def test_the_code_page_needs_a_signed_in_person(client):
    assert client.get("/accounts/two-factor/")["Location"].startswith("/accounts/login/")


def test_signing_out_of_the_admin_needs_no_code(required, staff_client):
    response = staff_client.post("/admin/logout/")
    assert response["Location"] == "/"
    assert "_auth_user_id" not in staff_client.session


def test_previews_of_unpublished_resources_need_the_code_too(required, staff_client):
    from tests.factories import make_resource

    draft = make_resource(status="draft")
    response = staff_client.get(f"/preview/{draft.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/?next=")


def test_public_pages_need_no_code(required, staff_client):
    assert staff_client.get("/library/").status_code == 200
