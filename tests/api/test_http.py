"""HTTP done right on the open-data answers: validators and 304s, cache headers a CDN can use,
CORS for GET from anywhere, throttling with Retry-After, and no session in the way."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.api.helpers import json_of
from tests.factories import make_file, make_partner, make_resource, make_toolkit

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/",
    "/api/v1/resources/",
    "/api/v1/resources/?q=voter&facets=theme",
    "/api/v1/resources/voter-guide/",
    "/api/v1/themes/",
    "/api/v1/events/",
    "/api/v1/events/?when=past&format=online",
    "/api/v1/schema/",
    "/oai/?verb=Identify",
    "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    "/catalog.jsonld",
]


@pytest.fixture
def content(db):
    return make_resource(
        title="Voter guide", slug="voter-guide", published_at=timezone.now() - timedelta(days=2)
    )


@pytest.mark.parametrize("url", ENDPOINTS)
def test_etag_gives_a_304_with_the_same_cache_headers(client, content, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == first["Cache-Control"] == "public, max-age=0, s-maxage=60"


# the events answers carry no Last-Modified (places left change with no public version change):
# their ETag alone validates them (tests/api/test_events.py)
@pytest.mark.parametrize("url", [url for url in ENDPOINTS if not url.startswith("/api/v1/events/")])
def test_last_modified_gives_a_304_until_something_public_changes(client, content, url):
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        first = client.get(url)
        assert first.status_code == 200
        since = first["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        make_resource(title="Another", slug="another")  # any public change makes every copy stale
    with time_machine.travel(timezone.now() + timedelta(seconds=15)):
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 200
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_change_in_public_content_changes_the_etag(client, content):
    before = client.get("/api/v1/resources/voter-guide/")["ETag"]
    content.title = "Voter guide, second edition"
    content.save()

    after = client.get("/api/v1/resources/voter-guide/", HTTP_IF_NONE_MATCH=before)

    assert after.status_code == 200
    assert json_of(after)["title"] == "Voter guide, second edition"


def test_a_cdn_keeps_nothing_past_the_next_scheduled_publication(client, content):
    make_resource(status="published", published_at=timezone.now() + timedelta(seconds=20))

    seconds = int(client.get("/api/v1/resources/")["Cache-Control"].rsplit("=", 1)[1])

    assert 0 < seconds <= 20


def test_errors_are_not_kept_by_caches(client, content):
    assert client.get("/api/v1/resources/?kind=x")["Cache-Control"] == "public, no-cache"
    assert client.get("/api/v1/resources/nothing/")["Cache-Control"] == "public, no-cache"


@pytest.mark.parametrize("url", ENDPOINTS)
def test_cors_lets_any_origin_read(client, content, url):
    response = client.get(url, HTTP_ORIGIN="https://partner.example")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_a_preflight_for_a_conditional_get_is_answered(client, content):
    response = client.options(
        "/api/v1/resources/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "POST" not in response["Access-Control-Allow-Methods"]
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


def test_pages_of_the_site_get_no_cors(client, content):
    assert not client.get("/library/", HTTP_ORIGIN="https://partner.example").has_header(
        "Access-Control-Allow-Origin"
    )


def test_the_api_writes_nothing(client, content):
    for method in (client.post, client.put, client.delete, client.patch):
        response = method("/api/v1/resources/")
        assert response.status_code == 405
        assert json_of(response)["error"]["status"] == 405


def test_throttling_per_address_answers_429_with_retry_after(client, content, settings):
    settings.API_THROTTLE_RATE = "3/min"
    for _ in range(3):
        assert client.get("/api/v1/themes/", REMOTE_ADDR="203.0.113.5").status_code == 200

    refused = client.get("/api/v1/themes/", REMOTE_ADDR="203.0.113.5")

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "try again" in json_of(refused)["error"]["message"]
    assert refused["Cache-Control"] == "no-store"
    assert client.get("/api/v1/themes/", REMOTE_ADDR="203.0.113.6").status_code == 200  # another address


def test_throttling_reads_the_address_behind_our_proxy(client, content, settings):
    settings.API_THROTTLE_RATE = "2/min"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)

    assert client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).status_code == 429
    assert client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy).status_code == 200


def test_oai_throttling_answers_503_with_retry_after(client, content, settings):
    settings.OAI_THROTTLE_RATE = "1/min"
    assert client.get("/oai/?verb=Identify").status_code == 200

    refused = client.get("/oai/?verb=Identify")

    assert refused.status_code == 503
    assert int(refused["Retry-After"]) >= 1


def test_a_signed_in_partner_gets_the_anonymous_answer(client, content):
    toolkit = make_toolkit(slug="kit")
    make_file(toolkit, access="partners")
    anonymous = client.get("/api/v1/resources/kit/")
    client.force_login(make_partner("api-partner"))

    signed_in = client.get("/api/v1/resources/kit/", HTTP_IF_NONE_MATCH='"something-else"')

    assert signed_in.content == anonymous.content
    assert signed_in["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert "cookie" not in signed_in.get("Vary", "").lower()
    assert not signed_in.cookies


def test_no_csrf_cookie_and_no_vary_on_language(client, content):
    response = client.get("/api/v1/resources/", HTTP_ACCEPT_LANGUAGE="fr", HTTP_COOKIE="django_language=ar")

    assert not response.cookies
    assert "accept-language" not in response.get("Vary", "").lower()
    assert json_of(response)["results"][0]["licence"]["name"] == "Creative Commons Attribution 4.0"
