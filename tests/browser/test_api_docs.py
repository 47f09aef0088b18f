"""The API documentation (Swagger UI, from the sidecar's static files) works in Chromium under the
strict Content-Security-Policy: it renders every operation from the schema and nothing on the
page is refused or fetched from elsewhere (the page fixture fails on any console error)."""

import pytest

pytestmark = pytest.mark.browser


def test_the_documentation_renders_the_schema_under_the_policy(page, library, live_server):
    refused, elsewhere = [], []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    page.on("request", lambda r: not r.url.startswith(live_server.url) and elsewhere.append(r.url))

    page.goto("/api/v1/docs/")
    page.wait_for_selector(".opblock-summary-path")

    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert {"/api/v1/resources/", "/api/v1/resources/{slug}/", "/api/v1/themes/"} <= {
        p.strip() for p in paths
    }
    assert refused == []
    assert elsewhere == []
