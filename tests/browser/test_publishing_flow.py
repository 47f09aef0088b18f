"""One case study's way to the public: an editor writes and submits it, a publisher publishes it,
an anonymous visitor finds it in the library."""

import re

import pytest
from playwright.sync_api import expect

from library.roles import EDITORS, PUBLISHERS
from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_staff

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"
TITLE = "Citizen observers in the Rift Valley"


@pytest.fixture
def staff_accounts(transactional_db):
    return make_staff("editor", EDITORS), make_staff("publisher", PUBLISHERS)


def sign_in(page, username):
    page.context.clear_cookies()
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def test_an_editor_submits_a_publisher_publishes_and_a_visitor_finds_it(page, staff_accounts):
    sign_in(page, "editor")
    page.goto("/admin/casestudies/casestudy/add/")
    page.get_by_label("Title:").fill(TITLE)
    page.get_by_label("Title:").press("Tab")
    # the slug is made from the title
    expect(page.get_by_label("Slug:")).to_have_value("citizen-observers-in-the-rift-valley")
    page.get_by_label("Summary:").fill(
        "Volunteers watched 300 polling stations and published results in a day."
    )
    page.get_by_label("Implementing organisation:").fill("Rift Valley Civic Forum")
    page.get_by_label("Project code:").fill("UDF-KE-19-004")
    page.get_by_label("Context:").fill("Trust in the count was low after 2017.")
    page.get_by_label("Lessons learned:").fill("Train observers **early**.")
    page.get_by_role("button", name="Save and Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("in review")

    # the editor previews it: the reader's page, with a note that it is not public yet
    page.goto("/admin/casestudies/casestudy/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("not public")
    assert_no_axe_violations(page)

    # not public yet
    page.context.clear_cookies()
    page.goto("/case-studies/citizen-observers-in-the-rift-valley/")
    expect(page.get_by_role("heading", name=TITLE)).to_have_count(0)

    sign_in(page, "publisher")
    for heading in ("dashboard-review", "dashboard-scheduled", "dashboard-recent"):
        assert_no_axe_violations(page, context=f"section[aria-labelledby={heading}]")
    review = page.locator("section.publishing-dashboard", has=page.locator("#dashboard-review"))
    review.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("button", name="Save and Publish")).to_be_visible()
    page.get_by_role("button", name="Save and Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("is now published")

    page.context.clear_cookies()
    page.goto("/library/")
    search = page.locator("main input[name=q]").first
    search.fill("Rift Valley")
    search.press("Enter")
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(r"/case-studies/citizen-observers-in-the-rift-valley/$"))
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Rift Valley Civic Forum")
    expect(page.locator("main strong", has_text="early")).to_be_visible()
