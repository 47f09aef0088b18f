"""The browser picks a cover rendition that fits the screen, and it loads."""

import pytest

from tests.public.pages import make_sample_library

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("viewport_width", "expected_width"), [(360, 640), (1200, 960)])
def test_the_browser_loads_a_cover_that_fits_the_screen(page, viewport_width, expected_width):
    sample = make_sample_library()
    page.set_viewport_size({"width": viewport_width, "height": 900})

    page.goto(sample["guide"].get_absolute_url())
    page.wait_for_load_state("networkidle")

    cover = page.locator("img.cover")
    assert cover.evaluate("image => image.complete && image.naturalWidth > 0")
    chosen = cover.evaluate("image => image.currentSrc")
    assert f"/{expected_width}.webp?v=" in chosen
