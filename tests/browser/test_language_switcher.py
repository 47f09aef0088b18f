"""The language switcher: links that open the same page, filters kept, in the chosen language."""

import re

import pytest

from tests.public.pages import make_sample_library

pytestmark = pytest.mark.browser


def test_choosing_a_language_keeps_the_page_and_its_filters(page):
    make_sample_library()
    page.goto("/library/?q=observers&theme=electoral-processes")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()

    page.wait_for_url(re.compile(r"/fr/library/\?q=observers&theme=electoral-processes$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("link", name="Election observation toolkit").is_visible()


def test_from_arabic_back_to_english_on_a_resource_page(page):
    sample = make_sample_library()
    page.goto(f"/ar{sample['case_study'].get_absolute_url()}")

    page.locator(".language-switcher a[hreflang=en]").click()

    page.wait_for_url(re.compile(re.escape(sample["case_study"].get_absolute_url()) + "$"))
    assert page.locator("html").get_attribute("dir") == "ltr"


def test_the_current_language_is_marked_for_assistive_technology(page):
    page.goto("/es/themes/")

    current = page.locator(".language-switcher [aria-current=true]")
    assert current.get_attribute("hreflang") == "es"
