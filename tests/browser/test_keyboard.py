"""Keyboard-only use: the skip link comes first, focus is always visible, and search and filters work."""

import re

import pytest

from tests.public.pages import make_sample_library

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
}"""


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(page):
    page.goto("/library/")

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    assert page.evaluate(FOCUS_STYLE)

    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_every_focused_control_shows_where_focus_is(page):
    make_sample_library()
    page.goto("/library/")

    seen = set()
    for _step in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            break
        element = page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)")
        assert page.evaluate(FOCUS_STYLE), f"no visible focus on {element}"
        seen.add(page.evaluate("() => document.activeElement.tagName"))
    assert {"A", "INPUT", "SELECT"} <= seen


def test_a_reader_searches_and_filters_with_the_keyboard_alone(page):
    make_sample_library()
    page.goto("/")

    page.get_by_label("Search the library").focus()
    page.keyboard.type("observers")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/library/\?q=observers"))

    page.get_by_label("Electoral processes").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Apply").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"theme=electoral-processes"))
    assert page.get_by_role("link", name="Election observation toolkit").is_visible()


def test_pagination_links_have_names_and_the_current_page_is_announced(page, settings):
    settings.LIBRARY_PAGE_SIZE = 2
    make_sample_library()
    page.goto("/library/")

    navigation = page.get_by_role("navigation", name="Pages")
    assert navigation.get_by_role("link", name="Next page").is_visible()
    assert navigation.locator("[aria-current=page]").inner_text().startswith("Page 1 of")
