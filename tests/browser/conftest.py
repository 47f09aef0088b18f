"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against pytest-django's live_server.

Mark every browser test with ``@pytest.mark.browser``: marked tests run after all others (see
tests/conftest.py), because Playwright's sync API keeps an asyncio event loop running in this thread
from the first browser test to the end of the session. Django's async-safety check takes that loop
for async code and refuses database access, so ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set exactly while
Playwright runs, and no other test runs in that window. Never ``playwright install``: Debian's
chromium is the browser.
"""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.backends import skip_missing_backend
from tests.factories import make_case_study, make_file, make_resource, make_toolkit

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


@contextmanager
def async_unsafe_allowed():
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_missing_backend(f"Chromium is not at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with async_unsafe_allowed(), sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(request, browser, transactional_db, live_server):
    """A fresh page in a fresh browser context; relative addresses go to the live server."""
    if request.node.get_closest_marker("browser") is None:
        pytest.fail("a test that uses the browser must be marked @pytest.mark.browser (it must run last)")
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def library(transactional_db):
    """Published content of every kind for the pages to show, plus a draft that must never appear."""
    toolkit = make_toolkit(
        title="Election observation toolkit",
        slug="election-observation-toolkit",
        summary="Checklists and forms for citizen observers on election day.",
        themes=["electoral-processes"],
        countries=["KE"],
        tags=["election observation"],
    )
    make_file(toolkit, title="Observer checklist")
    guide = make_resource(
        title="Running a youth assembly",
        slug="running-a-youth-assembly",
        summary="How to convene young people and carry their proposals to the council.",
        themes=["youth-engagement"],
        countries=["BR"],
        tags=["assemblies"],
    )
    case_study = make_case_study(
        title="Community radio for local accountability",
        slug="community-radio-for-local-accountability",
        summary="A network of radio stations that broadcast council meetings.",
        themes=["media-and-freedom-of-information"],
        countries=["NP"],
        tags=["radio"],
    )
    make_resource(title="An unpublished draft", slug="an-unpublished-draft", status="draft")
    return {"toolkit": toolkit, "guide": guide, "case_study": case_study}
