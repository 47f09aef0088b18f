"""The mentor directory's filter panel, as a partner uses it: counts beside the choices, a long
country list that opens with "Show all" without JavaScript, picking and applying; axe-core finds
nothing to fault, closed or open, in any of the four languages; on a phone the results come first;
a page past the end links the last page."""

import re

import pytest
from playwright.sync_api import expect

from library.models import Country
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import TIMEOUT_MS
from tests.browser.test_mentoring import sign_in
from tests.factories import make_organisation, make_partner
from tests.mentoring.helpers import make_mentor

pytestmark = pytest.mark.browser

# eight countries with two mentors each, then four with one: the last four behind "Show all"
CODES = ["KE", "UG", "TZ", "NG", "GH", "SN", "ML", "NE", "BF", "CI", "CM", "ZA"]
SHOW_ALL = {
    "": "Show all 12 choices",
    "/fr": "Afficher les 12 choix",
    "/es": "Mostrar las 12 opciones",
    "/ar": "عرض الخيارات الـ12 كلها",
}


@pytest.fixture
def directory(reference_data):
    organisation = make_organisation("Civic Futures Network", country=Country.objects.get(code="KE"))
    make_partner("paulo", organisation=organisation, email="paulo@example.net", first_name="Paulo")
    for number, code in enumerate(CODES):
        for copy in range(2 if number < 8 else 1):
            make_mentor(f"{code.lower()}{copy}", name=f"Mentor {code} {copy}", countries=(code,))


def panel(page):
    return page.get_by_role("complementary", name=re.compile(".")).locator("form.filters")


@pytest.mark.parametrize("prefix", list(SHOW_ALL))
def test_the_panel_passes_axe_closed_and_open_in_each_language(page, directory, prefix):
    sign_in(page, "paulo", prefix)
    page.goto(f"{prefix}/mentors/")
    more = panel(page).locator(".facet--country details.facet__more")
    expect(more.locator("summary")).to_have_text(SHOW_ALL[prefix])
    expect(more.locator("input")).to_have_count(4)
    expect(more.locator("input").first).not_to_be_visible()
    assert_no_axe_violations(page)

    more.locator("summary").click()

    expect(more.locator("input").first).to_be_visible()
    assert_no_axe_violations(page)


def test_without_javascript_a_reader_opens_show_all_picks_a_country_and_applies(
    browser, live_server, directory
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        sign_in(page, "paulo")
        page.goto("/mentors/")
        expect(page.get_by_role("heading", name="20 mentors")).to_be_visible()
        form = panel(page)
        expect(form.get_by_role("radio", name=re.compile(r"^Kenya 2 results$"))).to_be_visible()
        expect(form.get_by_role("radio", name="Any country")).to_be_checked()
        form.get_by_text("Show all 12 choices").click()
        form.get_by_role("radio", name=re.compile(r"^Cameroon 1 result$")).check()
        form.get_by_role("button", name="Apply").click()

        expect(page).to_have_url(re.compile(r"[?&]country=CM(&|$)"))
        expect(page.get_by_role("heading", name="1 mentor")).to_be_visible()
        expect(page.get_by_role("link", name="Mentor CM 0")).to_be_visible()
        expect(page.get_by_role("link", name="Mentor KE 0")).to_have_count(0)
        first = panel(page).locator(".facet--country .facet__choices input").nth(1)  # after "Any country"
        expect(first).to_have_attribute("value", "CM")
        expect(first).to_be_checked()
        # the other countries still count as if picked instead, and stay on offer
        expect(panel(page).get_by_role("radio", name=re.compile(r"^Kenya 2 results$"))).not_to_be_checked()
    finally:
        context.close()


def test_on_a_phone_the_results_come_before_the_panel(page, directory):
    sign_in(page, "paulo", "/ar")
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/ar/mentors/")
    card = page.locator(".library-layout__results .cards li").first.bounding_box()
    form = panel(page).bounding_box()
    assert card["y"] + card["height"] <= form["y"]
    assert_no_axe_violations(page)


def test_a_page_past_the_end_links_the_last_page(page, directory, monkeypatch):
    from mentoring import directory as listing

    monkeypatch.setattr(listing, "PAGE_SIZE", 8)  # 20 mentors: three pages
    sign_in(page, "paulo")
    response = page.goto("/mentors/?page=9")
    assert response.status == 404
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Go to the last page (page 3)").click()
    expect(page).to_have_url(re.compile(r"/mentors/\?page=3$"))
    expect(page.get_by_role("heading", name="20 mentors")).to_be_visible()
    expect(page.locator(".library-layout__results .cards > li")).to_have_count(4)
