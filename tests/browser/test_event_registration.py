"""Registering for an event in Chromium, in English and Arabic and with JavaScript off: the list,
the event, the form (with a mistake first), the e-mailed confirmation link, the registrant's page
and cancelling, each page checked with axe-core."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from events import links
from events.models import Registration
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import TIMEOUT_MS, watch_for_problems
from tests.events.helpers import make_event

pytestmark = pytest.mark.browser


@pytest.fixture
def event(reference_data):
    return make_event(
        title="Regional forum on citizen observation",
        slug="regional-forum",
        capacity=1,
        themes=["electoral-processes"],
        joining_url="https://meet.example.org/forum-room",
        accessibility="Step-free entrance.",
    )


def register_and_confirm(page, prefix=""):
    page.goto(f"{prefix}/events/")
    assert_no_axe_violations(page)
    page.locator("a", has_text="Regional forum on citizen observation").first.click()
    expect(page.locator("h1")).to_have_text("Regional forum on citizen observation")
    assert_no_axe_violations(page)
    page.locator(".event-join a.button").click()

    page.locator("#id_name").fill("Amina Wanjiru")
    page.locator("#id_email").fill("amina@example.org")
    page.locator("#id_country").select_option("KE")
    page.locator("form.registration-form button[type=submit]").click()
    expect(page.locator(".form-errors, .field-errors").first).to_be_visible()  # no consent yet
    assert_no_axe_violations(page)
    assert Registration.objects.count() == 0
    page.locator("#id_consent").check()
    page.locator("form.registration-form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_no_axe_violations(page)

    registration = Registration.objects.get()
    assert registration.status == "pending"
    with translation.override(registration.language):  # as the e-mail writes it
        confirm_path = links.path_for(registration, links.CONFIRM)
    assert confirm_path.startswith(f"{prefix}/events/registration/")
    page.goto(confirm_path)
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".joining")).to_contain_text("https://meet.example.org/forum-room")
    assert_no_axe_violations(page)
    registration.refresh_from_db()
    assert registration.status == "confirmed"

    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert_no_axe_violations(page)


def test_registering_confirming_and_cancelling_in_english(page, event):
    register_and_confirm(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_registering_confirming_and_cancelling_in_arabic(page, event):
    register_and_confirm(page, prefix="/ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".messages")).to_contain_text("أُلغي تسجيلك")


def test_registering_works_with_javascript_off(browser, event, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = watch_for_problems(page)
    try:
        page.goto("/events/regional-forum/register/")
        page.locator("#id_name").fill("Ben Okello")
        page.locator("#id_email").fill("ben@example.org")
        page.locator("#id_consent").check()
        page.locator("form.registration-form button[type=submit]").click()
        expect(page.locator(".messages")).to_contain_text("we have e-mailed you a link")
        registration = Registration.objects.get()
        page.goto(links.path_for(registration, links.CONFIRM))
        page.locator("main form button[type=submit]").click()
        expect(page.locator("main")).to_contain_text("Confirmed")
    finally:
        context.close()
    assert not problems, problems
