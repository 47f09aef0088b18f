"""axe-core finds no WCAG 2.2 A/AA violation on any page type, in any of the four languages."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.browser.axe import axe_violations, describe
from tests.public.pages import (
    EXTRA_PAGES,
    LANGUAGE_PREFIXES,
    SIGNED_IN_PAGES,
    make_people,
    make_sample_library,
    public_pages,
)

pytestmark = pytest.mark.browser

PAGE_NAMES = [
    "home", "library", "library searched and filtered", "library with no results", "library page 2",
    "toolkits", "guides", "case studies", "toolkit", "guide", "case study", "themes", "theme", "tag",
    "login", "partner-only file (signed in, no partner)", "not found", "account", "partner account",
    "server error", "events", "events filtered", "past events", "event", "past event", "event registration",
]  # fmt: skip


EXPECTED_STATUS = {"not found": 404, "partner-only file (signed in, no partner)": 403, "server error": 500}


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_no_page_has_accessibility_violations(page, live_server, settings, language):
    """One test per language walks every page type (the sample library is built once for all of them)."""
    settings.LIBRARY_PAGE_SIZE = 2
    settings.ROOT_URLCONF = "tests.public.failing_urls"
    addresses = {**public_pages(make_sample_library()), **EXTRA_PAGES, "server error": "/fail/"}
    people = make_people()
    assert set(addresses) == set(PAGE_NAMES)
    problems = []
    for name in PAGE_NAMES:
        page.context.clear_cookies()
        if name in SIGNED_IN_PAGES:
            sign_in(page, live_server, people[SIGNED_IN_PAGES[name]])
        response = page.goto(LANGUAGE_PREFIXES[language] + addresses[name])

        assert response.status == EXPECTED_STATUS.get(name, 200), name
        if page.locator("img").count():
            page.wait_for_load_state("networkidle")  # let images finish before the next page
        assert page.locator("html").get_attribute("lang") == language, name
        assert page.locator("h1").count() == 1, name
        violations = axe_violations(page)
        if violations:
            problems.append(f"{name} ({page.url}):\n{describe(violations)}")

    assert not problems, "\n".join(problems)
