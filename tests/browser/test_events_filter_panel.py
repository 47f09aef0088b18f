"""The events lists' filter panel, as a reader uses it: counts beside the choices, a long country
list that opens with "Show all" without JavaScript, ticking and applying; axe-core finds nothing to
fault, closed or open, in any of the four languages; on a phone the results still come first; a
page past the end answers 404 and leads back to the list."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import TIMEOUT_MS
from tests.browser.test_filter_panel import CODES, SHOW_ALL, panel
from tests.events.helpers import make_event

pytestmark = pytest.mark.browser


@pytest.fixture
def many_countries(reference_data):
    for number, code in enumerate(CODES):  # Kenya has 12 events, ..., South Africa 1
        for _ in range(len(CODES) - number):
            make_event(country=code, title=f"Forum in {code}", themes=["electoral-processes"])


@pytest.mark.parametrize("prefix", list(SHOW_ALL))
def test_the_panel_passes_axe_closed_and_open_in_each_language(page, many_countries, prefix):
    page.goto(f"{prefix}/events/")
    form = panel(page)
    more = form.locator("details.facet__more")
    expect(more).to_have_count(1)  # only the countries are that many
    expect(more.locator("summary")).to_have_text(SHOW_ALL[prefix])
    expect(more.locator("input")).to_have_count(4)
    expect(more.locator("input").first).not_to_be_visible()
    expect(form.locator("input[type=radio][name=month][value='']")).to_be_checked()
    assert_no_axe_violations(page)

    more.locator("summary").click()

    expect(more.locator("input").first).to_be_visible()
    assert_no_axe_violations(page)


def test_without_javascript_a_reader_opens_show_all_ticks_a_country_and_applies(
    browser, live_server, many_countries
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto("/events/")
        expect(page.get_by_role("heading", name="78 events")).to_be_visible()
        kenya = page.get_by_role("checkbox", name=re.compile(r"^Kenya 12 results$"))
        expect(kenya).to_be_visible()
        page.get_by_text("Show all 12 choices").click()
        page.get_by_role("checkbox", name=re.compile(r"^Cameroon 2 results$")).check()
        page.get_by_role("button", name="Apply").click()

        expect(page).to_have_url(re.compile(r"[?&]country=CM(&|$)"))
        expect(page.get_by_role("heading", name="2 events")).to_be_visible()
        expect(page.get_by_role("link", name=re.compile("^Forum in CM"))).to_have_count(2)
        first = page.locator(".facet--country .facet__choices input").first
        expect(first).to_have_attribute("value", "CM")
        expect(first).to_be_checked()
        # the other countries still count as if picked instead, and stay on offer
        expect(page.get_by_role("checkbox", name=re.compile(r"^Kenya 12 results$"))).not_to_be_checked()
        # and the themes count with the country picked
        expect(
            page.get_by_role("checkbox", name=re.compile(r"^Electoral processes 2 results$"))
        ).to_be_visible()
    finally:
        context.close()


def test_on_a_phone_the_results_come_before_the_panel(page, many_countries):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/ar/events/")
    card = page.locator(".library-layout__results .card").first.bounding_box()
    form = panel(page).bounding_box()
    assert card["y"] + card["height"] <= form["y"]
    assert_no_axe_violations(page)


def test_a_page_past_the_end_links_the_last_page(page, many_countries, settings):
    settings.EVENTS_PAGE_SIZE = 20  # 78 events: four pages
    response = page.goto("/events/?theme=electoral-processes&page=9")
    assert response.status == 404
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Go to the last page (page 4)").click()

    expect(page).to_have_url(re.compile(r"/events/\?theme=electoral-processes&page=4$"))
    expect(page.locator(".library-layout__results .card")).to_have_count(18)
