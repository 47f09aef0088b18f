"""The list pages put the results first: on a phone they come before the filters, which a link at the
top of the results reaches; on a wide screen the filters sit beside the results."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def box(locator):
    return locator.bounding_box()


def first_card(page):
    return page.locator(".library-layout__results .card").first


def filter_form(page):
    return page.get_by_role("complementary", name="Filters").locator("form.filters")


@pytest.mark.parametrize(
    "address", ["/library/", "/toolkits/", "/themes/electoral-processes/", "/tags/radio/"]
)
def test_on_a_phone_the_first_result_comes_before_the_filters(page, library, address):
    page.set_viewport_size(PHONE)
    page.goto(address)

    card, form = box(first_card(page)), box(filter_form(page))
    assert card["y"] + card["height"] <= form["y"]
    assert card["y"] < PHONE["height"], "the first result starts on the first screen"
    assert_no_axe_violations(page)


def test_on_a_phone_the_link_at_the_top_of_the_results_leads_to_the_filters(page, library):
    page.set_viewport_size(PHONE)
    page.goto("/library/")
    link = page.get_by_role("link", name="Skip to search and filters")
    assert box(link)["y"] < box(first_card(page))["y"]
    expect(filter_form(page)).not_to_be_in_viewport()

    link.click()

    expect(page).to_have_url(re.compile(r"/library/#filters$"))
    expect(filter_form(page)).to_be_in_viewport()
    # the next Tab goes on from the filters: their first field, the search
    page.keyboard.press("Tab")
    expect(page.get_by_role("searchbox", name="Search", exact=True)).to_be_focused()


def test_the_link_to_the_filters_is_the_first_stop_after_skipping_to_the_content(page, library):
    page.set_viewport_size(PHONE)
    page.goto("/library/")

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the "Skip to main content" link
    page.keyboard.press("Tab")

    expect(page.get_by_role("link", name="Skip to search and filters")).to_be_focused()


def test_on_a_wide_screen_the_filters_sit_beside_the_results(page, library):
    page.set_viewport_size(DESKTOP)
    page.goto("/library/")

    filters = box(page.locator(".library-layout__filters"))
    results = box(page.locator(".library-layout__results"))
    assert filters["x"] + filters["width"] <= results["x"], "the filters come first on the line"
    assert abs(filters["y"] - results["y"]) < 1, "side by side, tops aligned"
    card, form = box(first_card(page)), box(filter_form(page))
    assert form["y"] < card["y"] + card["height"] and card["y"] < form["y"] + form["height"]
    assert_no_axe_violations(page)


def test_on_a_wide_screen_the_link_to_the_filters_shows_only_when_focused(page, library):
    page.set_viewport_size(DESKTOP)
    page.goto("/library/")
    link = page.get_by_role("link", name="Skip to search and filters")
    shown = page.locator(".filters-link")  # the link's paragraph, which clips it
    assert box(shown)["width"] <= 1

    link.focus()

    assert box(shown)["width"] >= box(link)["width"] > 50
