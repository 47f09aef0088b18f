"""Chromium enforces the strict Content-Security-Policy on real pages: nothing on them is refused.
(The page fixture also fails any browser test whose page logs a CSP violation.)"""

import pytest

pytestmark = pytest.mark.browser


def violations_while(page, visit):
    seen = []
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and seen.append(message.text)
    )
    page.on("requestfailed", lambda request: seen.append(f"failed: {request.url} {request.failure}"))
    visit()
    page.wait_for_timeout(100)
    return seen


def test_no_public_page_breaks_the_content_security_policy(page, library):
    addresses = [
        "/",
        "/library/?q=observer",
        "/toolkits/",
        library["toolkit"].get_absolute_url(),
        library["case_study"].get_absolute_url(),
        "/themes/",
        "/themes/electoral-processes/",
        "/ar/library/",
        "/accounts/login/",
        "/no-such-page/",
    ]

    def visit():
        for address in addresses:
            page.goto(address)

    assert violations_while(page, visit) == []


def test_the_stylesheet_loads_under_the_policy(page, library):
    page.goto("/")
    sheets = page.evaluate("Array.from(document.styleSheets).map(s => s.cssRules.length)")
    assert sheets and sheets[0] > 0
