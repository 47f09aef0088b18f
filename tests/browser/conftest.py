"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against pytest-django's live_server.

Mark every browser test with ``@pytest.mark.browser``: marked tests run after all others (see
tests/conftest.py), because Playwright's sync API keeps an asyncio event loop running in this thread
from the first browser test to the end of the session, and Django behaves as if in async code then:

- its async-safety check refuses database access, so ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set exactly
  while Playwright runs (and no other test runs in that window);
- it keeps database connections per asyncio context instead of per thread, so it would open fresh
  connections; `shared_connections` hands the thread's own connection objects over.

Never ``playwright install``: Debian's chromium is the browser.
"""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.backends import skip_missing_backend
from tests.factories import make_core_library
from tests.reference_data import restore_reference_data

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


@contextmanager
def shared_connections(event_loop_context):
    """Keep using this thread's Django connections inside a context that runs an event loop."""
    from django.db import connections

    thread_connections = {alias: connections[alias] for alias in connections}
    with event_loop_context as value:
        for alias, connection in thread_connections.items():
            connections[alias] = connection
        yield value


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_missing_backend(f"Chromium is not at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with async_unsafe_allowed(), shared_connections(sync_playwright()) as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def reference_data(transactional_db):
    """The live server needs committed data, hence transactional_db, whose flush after each test
    also empties the tables that migrations fill (themes, countries): they are loaded again."""
    restore_reference_data()


@pytest.fixture
def page(request, browser, reference_data, live_server):
    """A fresh page in a fresh browser context; relative addresses go to the live server."""
    if request.node.get_closest_marker("browser") is None:
        pytest.fail("a test that uses the browser must be marked @pytest.mark.browser (it must run last)")
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = watch_for_problems(page)
    yield page
    context.close()
    assert not problems, "the browser reported problems:\n" + "\n".join(problems)


def watch_for_problems(page):
    """Console errors (a CSP violation, a script error) and failed stylesheets, images or fonts.

    A page itself may answer 4xx on purpose (a test of a 404); its sub-resources never should.
    """
    problems = []

    def on_console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"console error at {message.location.get('url')}: {message.text}")

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} for {response.request.resource_type} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("response", on_response)

    def on_request_failed(request):
        # net::ERR_ABORTED is a request the browser dropped because the page moved on (a click
        # before an icon finished); a missing file is a 4xx response, caught above.
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"{request.failure} for {request.url}")

    page.on("requestfailed", on_request_failed)
    return problems


@pytest.fixture
def library(reference_data):
    """Published content of every kind for the pages to show, plus a draft that must never appear."""
    return make_core_library()
