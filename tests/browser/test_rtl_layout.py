"""Arabic pages run right to left: the document says so and the layout mirrors."""

import pytest

from tests.public.pages import make_sample_library

pytestmark = pytest.mark.browser


def left_edge(page, selector):
    return page.locator(selector).first.bounding_box()["x"]


def right_edge(page, selector):
    box = page.locator(selector).first.bounding_box()
    return box["x"] + box["width"]


def test_the_arabic_layout_mirrors_the_english_one(page, settings):
    settings.LIBRARY_PAGE_SIZE = 2
    make_sample_library()
    page.set_viewport_size({"width": 1200, "height": 900})

    page.goto("/library/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    english_name_left = left_edge(page, ".site-name")
    english_filters_left = left_edge(page, ".library-layout__filters")
    english_results_left = left_edge(page, ".library-layout__results")

    page.goto("/ar/library/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    width = page.evaluate("() => document.documentElement.clientWidth")

    # the site's name sits at the start of the line: left in English, right in Arabic
    assert english_name_left < width / 4
    assert right_edge(page, ".site-name") > width * 3 / 4
    # wide screens put the filters at the start of the line (though they follow the results in the
    # page): left of the results in English, right of them in Arabic
    assert english_filters_left < english_results_left
    assert left_edge(page, ".library-layout__filters") > left_edge(page, ".library-layout__results")
    # no sideways scrolling
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_an_english_resource_keeps_left_to_right_text_inside_the_arabic_interface(page):
    sample = make_sample_library()
    page.goto(f"/ar{sample['guide'].get_absolute_url()}")

    title = page.locator("h1")
    assert title.get_attribute("dir") == "ltr"
    assert title.evaluate("element => getComputedStyle(element).direction") == "ltr"


def test_the_arabic_skip_link_appears_on_the_right(page):
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto("/ar/")

    page.keyboard.press("Tab")

    assert right_edge(page, ".skip-link") > 900


@pytest.mark.parametrize(
    "address", ["/ar/", "/ar/library/", "/ar/case-studies/community-radio-for-local-accountability/"]
)
def test_arabic_pages_fit_a_small_phone_without_sideways_scrolling(page, address):
    make_sample_library()
    page.set_viewport_size({"width": 360, "height": 740})

    page.goto(address)

    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
