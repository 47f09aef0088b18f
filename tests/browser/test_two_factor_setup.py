"""A staff member sets up two-factor sign-in in Chromium: password, QR code and key, code, admin."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_user

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


@pytest.fixture
def required(settings):
    settings.STAFF_REQUIRE_2FA = True


def test_a_staff_member_sets_up_the_app_and_reaches_the_admin(page, required, transactional_db):
    make_user("chief", is_staff=True, is_superuser=True)
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    page.locator("img.qr-code").evaluate("image => image.decode()")  # waits until it has loaded
    qr = page.request.get("/accounts/two-factor/qr.svg")
    assert (qr.status, qr.headers["content-type"]) == (200, "image/svg+xml"), qr.text()[:300]
    assert page.evaluate("document.querySelector('img.qr-code').naturalWidth") > 0
    assert_no_axe_violations(page)
    device = TOTPDevice.objects.get(user__username="chief")
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    page.get_by_label("Six-digit code from your authenticator app").fill(code)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
