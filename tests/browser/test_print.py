"""Printing a case study or a guide: the text, its facts and its citation; none of the site's chrome."""

import pytest

from tests.public.pages import make_sample_library

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("which", ["case_study", "guide"])
def test_a_printed_resource_shows_its_content_without_navigation(page, which):
    sample = make_sample_library()
    page.goto(sample[which].get_absolute_url())

    page.emulate_media(media="print")

    for hidden in [".site-header", ".site-footer", ".skip-link", ".cite__downloads", ".language-switcher"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ["h1", ".facts", ".prose", ".cite__apa"]:
        assert page.locator(shown).first.is_visible(), shown
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily").startswith("Georgia")
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_the_screen_shows_the_navigation_that_print_hides(page):
    page.goto("/")

    assert page.locator(".site-header").is_visible()
