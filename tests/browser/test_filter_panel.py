"""The one filter panel, as a reader uses it: counts beside the choices, a long country list that
opens with "Show all" without JavaScript, ticking and applying; axe-core finds nothing to fault,
closed or open, in any of the four languages; on a phone the results still come first."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import TIMEOUT_MS
from tests.factories import make_resource

pytestmark = pytest.mark.browser

CODES = ["KE", "UG", "TZ", "NG", "GH", "SN", "ML", "NE", "BF", "CI", "CM", "ZA"]  # most first
SHOW_ALL = {
    "": "Show all 12 choices",
    "/fr": "Afficher les 12 choix",
    "/es": "Mostrar las 12 opciones",
    "/ar": "عرض الخيارات الـ12 كلها",
}


@pytest.fixture
def many_countries(reference_data):
    for number, code in enumerate(CODES):
        for _ in range(len(CODES) - number):
            make_resource(title=f"Report from {code}", countries=[code], themes=["electoral-processes"])


def panel(page):
    return page.get_by_role("complementary", name=re.compile(".")).locator("form.filters")


@pytest.mark.parametrize("prefix", list(SHOW_ALL))
def test_the_panel_passes_axe_closed_and_open_in_each_language(page, many_countries, prefix):
    page.goto(f"{prefix}/library/")
    more = page.locator("details.facet__more")
    expect(more.locator("summary")).to_have_text(SHOW_ALL[prefix])
    expect(more.locator("input")).to_have_count(4)
    expect(more.locator("input").first).not_to_be_visible()
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
        page.goto("/library/")
        kenya = page.get_by_role("checkbox", name=re.compile(r"^Kenya 12 results$"))
        expect(kenya).to_be_visible()
        page.get_by_text("Show all 12 choices").click()
        page.get_by_role("checkbox", name=re.compile(r"^Cameroon 2 results$")).check()
        page.get_by_role("button", name="Apply").click()

        expect(page).to_have_url(re.compile(r"[?&]country=CM(&|$)"))
        expect(page.get_by_role("heading", name="2 resources")).to_be_visible()
        first = page.locator(".facet--country .facet__choices input").first
        expect(first).to_have_attribute("value", "CM")
        expect(first).to_be_checked()
        # the other countries still count as if picked instead, and stay on offer
        expect(page.get_by_role("checkbox", name=re.compile(r"^Kenya 12 results$"))).not_to_be_checked()
    finally:
        context.close()


def test_ticking_two_themes_shows_both(page, reference_data):
    make_resource(title="Ballots", themes=["electoral-processes"])
    make_resource(title="Radio", themes=["media-and-freedom-of-information"])
    make_resource(title="Courts", themes=["rule-of-law-and-human-rights"])
    page.goto("/library/")
    form = panel(page)
    form.get_by_role("checkbox", name=re.compile(r"^Electoral processes 1 result$")).check()
    form.get_by_role("checkbox", name=re.compile(r"^Media and freedom of information 1 result$")).check()
    form.get_by_role("button", name="Apply").click()

    expect(page.get_by_role("heading", name="2 resources")).to_be_visible()
    expect(page.locator(".card__title")).to_have_text(["Radio", "Ballots"])


def test_on_a_phone_the_results_come_before_the_panel(page, many_countries):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/ar/library/")
    card = page.locator(".library-layout__results .card").first.bounding_box()
    form = panel(page).bounding_box()
    assert card["y"] + card["height"] <= form["y"]
    assert_no_axe_violations(page)


def test_a_page_past_the_end_links_the_last_page(page, many_countries, settings):
    settings.LIBRARY_PAGE_SIZE = 20  # 78 resources: four pages
    response = page.goto("/library/?country=KE&page=9")
    assert response.status == 404
    expect(page.get_by_role("link", name=re.compile("last page"))).to_have_count(0)  # one page: no such link
    page.get_by_role("link", name="Go to the first page").click()
    expect(page).to_have_url(re.compile(r"/library/\?country=KE$"))
    expect(page.get_by_role("heading", name="12 resources")).to_be_visible()
    assert_no_axe_violations(page)
