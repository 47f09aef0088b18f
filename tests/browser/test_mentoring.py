"""In Chromium: the mentoring pages pass axe-core in English and Arabic (right to left), and a
partner asks a mentor who accepts and writes a note, with forms alone (no JavaScript needed)."""

import re

import pytest

from library.models import Country
from mentoring.models import Status
from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_organisation, make_partner
from tests.mentoring.helpers import make_mentor, make_mentorship

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"  # noqa: S105 - the factories' test password


def sign_in(page, username, prefix=""):
    page.goto(f"{prefix}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.fixture
def people(reference_data):
    organisation = make_organisation("Civic Futures Network", country=Country.objects.get(code="KE"))
    mentee = make_partner("paulo", organisation=organisation, email="paulo@example.net", first_name="Paulo")
    lucia = make_mentor("lucia", name="Lucía Quispe", languages=("es", "en"), countries=("PE",), capacity=2)
    make_mentor(
        "rania",
        name="Rania Haddad",
        themes=("media-and-freedom-of-information",),
        languages=("ar",),
        countries=("JO",),
    )
    active = make_mentorship(
        mentee,
        make_mentor("sokha", name="Sokha Chan", themes=("youth-engagement",)),
        status=Status.ACTIVE,
        theme="youth-engagement",
    )
    return {"mentee": mentee, "lucia": lucia, "active": active}


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_every_mentoring_page_passes_axe(page, people, prefix):
    sign_in(page, "paulo", prefix)
    pages = [
        "/mentors/",
        "/mentors/?language=xx",  # the 400 page with its message
        f"/mentors/{people['lucia'].pk}/",
        "/mentoring/",
        "/mentoring/offer/",
        "/mentoring/find/",
        f"/mentoring/{people['active'].pk}/",
        "/accounts/",
    ]
    for path in pages:
        page.goto(prefix + path)
        assert page.locator("html").get_attribute("dir") == ("rtl" if prefix == "/ar" else "ltr")
        assert page.locator("h1").count() == 1, path
        assert_no_axe_violations(page)
    # a form sent back with its errors
    page.goto(f"{prefix}/mentoring/offer/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".field-errors").count() > 0
    assert_no_axe_violations(page)


def test_a_partner_asks_a_mentor_who_accepts_and_writes_a_note(page, people, browser, live_server):
    page.context.set_offline(False)
    sign_in(page, "paulo")
    page.goto("/mentors/")
    filters = page.locator("form.filters")
    filters.get_by_role("radio", name=re.compile(r"^Spanish 1 result$")).check()  # the language facet
    filters.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Lucía Quispe").is_visible()
    assert page.get_by_role("link", name="Rania Haddad").count() == 0
    page.get_by_role("link", name="Lucía Quispe").click()
    page.get_by_label("Your goal").fill("Train forty observers before March.")
    page.get_by_label("How often you would like to meet").select_option("fortnightly")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your request was sent").is_visible()
    assert page.get_by_text("Requested").first.is_visible()

    mentor_context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    mentor_page = mentor_context.new_page()
    sign_in(mentor_page, "lucia")
    mentor_page.goto("/mentoring/")
    mentor_page.get_by_role("link", name="Electoral processes, with Paulo").click()
    mentor_page.get_by_label("Accept").check()
    mentor_page.get_by_label("Message to the mentee").fill("Gladly, every other Tuesday.")
    mentor_page.get_by_role("button", name="Send the answer").click()
    mentor_page.wait_for_load_state()
    assert mentor_page.get_by_text("You accepted the request.").is_visible()
    mentor_page.get_by_role("textbox", name="Note", exact=True).fill("We planned the training days.")
    mentor_page.get_by_label("Date of the session").fill("2026-11-20")
    mentor_page.get_by_role("button", name="Add the note").click()
    mentor_page.wait_for_load_state()
    assert mentor_page.get_by_text("We planned the training days.").is_visible()
    mentor_context.close()

    page.reload()
    assert page.get_by_text("Gladly, every other Tuesday.").is_visible()
    assert page.get_by_text("We planned the training days.").is_visible()
    assert page.get_by_text("lucia@mentors.example").count() == 0
