"""In Chromium: a partner signs in, downloads a partner-only file, and finds it on their account page."""

import pytest

from library.models.files import Access
from tests.factories import make_file, make_organisation, make_partner, make_toolkit

pytestmark = pytest.mark.browser

HANDBOOK = b"%PDF-1.4\n% partner handbook\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"


@pytest.fixture
def partner_toolkit(transactional_db):
    make_partner(
        "partner", organisation=make_organisation("Civic Futures Network"), password="democracy-demo"
    )
    toolkit = make_toolkit(title="Observing elections", slug="observing-elections")
    make_file(
        toolkit,
        title="Partner handbook",
        name="partner-handbook.pdf",
        content=HANDBOOK,
        access=Access.PARTNERS,
    )
    return toolkit


def test_a_partner_signs_in_downloads_a_partner_file_and_sees_it_on_their_account(page, partner_toolkit):
    page.goto(partner_toolkit.get_absolute_url())
    assert page.get_by_text("sign in as a partner to download").is_visible()

    # signing in from the toolkit page leads back to it, with the partner file now open
    page.get_by_role("link", name="Partner sign-in").click()
    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill("democracy-demo")
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{partner_toolkit.get_absolute_url()}")
    assert page.get_by_text("sign in as a partner to download").count() == 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Partner handbook").click()
    download = download_info.value
    assert download.suggested_filename == "partner-handbook.pdf"
    with open(download.path(), "rb") as saved:
        assert saved.read() == HANDBOOK

    page.goto("/accounts/")
    assert page.get_by_role("heading", name="Your organisations").is_visible()
    assert page.get_by_text("Civic Futures Network").is_visible()
    downloads = page.get_by_role("table")
    assert downloads.get_by_role("cell", name="Partner handbook").is_visible()
    assert downloads.get_by_role("link", name="Observing elections").is_visible()
