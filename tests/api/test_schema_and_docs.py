"""The OpenAPI 3 schema is valid and describes the code; the documentation page works under the
strict CSP with no address outside the site."""

import re

import pytest
from openapi_spec_validator import validate

from library.filters import ResourceFilter
from library.models import Resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    validate(schema)

    assert schema["openapi"].startswith("3.")


def test_the_schema_has_every_endpoint(schema):
    assert set(schema["paths"]) == {
        "/api/v1/resources/",
        "/api/v1/resources/{slug}/",
        "/api/v1/themes/",
        "/api/v1/events/",
        "/api/v1/events/{slug}/",
    }
    for path in schema["paths"].values():
        assert set(path) == {"get"}  # read-only


def test_the_list_parameters_are_the_filters_of_the_library_list(schema):
    described = {p["name"]: p for p in schema["paths"]["/api/v1/resources/"]["get"]["parameters"]}
    filters = ResourceFilter(queryset=Resource.objects.none()).filters

    assert set(described) == set(filters) | {"cursor", "page_size", "fields", "facets"}
    assert set(described["kind"]["schema"]["items"]["enum"]) == {"toolkit", "guide", "case-study"}
    assert "electoral-processes" in described["theme"]["schema"]["items"]["enum"]
    assert set(described["sort"]["schema"]["enum"]) == {"relevance", "newest", "oldest", "title", "popular"}


def test_the_events_list_parameters_are_the_filters_of_the_events_list(schema):
    from events.filters import EventFilter
    from events.models import Event

    described = {p["name"]: p for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"]}
    filters = EventFilter(queryset=Event.objects.none()).filters

    assert set(described) == set(filters) | {"when", "cursor", "page_size"}
    assert set(described["when"]["schema"]["enum"]) == {"upcoming", "past"}
    assert set(described["format"]["schema"]["items"]["enum"]) == {"online", "in-person", "hybrid"}
    detail = schema["components"]["schemas"]["EventDetail"]["properties"]
    assert "places_left" in detail
    assert not {"capacity", "joining_url", "joining_details", "registrations"} & set(detail)


def test_the_yaml_form_too(client):
    response = client.get("/api/v1/schema/?format=yaml")

    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")


def directives(policy):
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part.strip())


def test_the_documentation_page_loads_only_from_the_site(client, settings):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses and all(address.startswith("/") for address in addresses), addresses
    assert "http" not in html.split("<body>", 1)[1]
    # no inline script or style: each <script> has a src, no <style>, no style= or on...=
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert "<style" not in html and " style=" not in html and not re.search(r"\son\w+=", html)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"  # Swagger UI's icons; nothing else is widened
    assert directives(client.get("/api/v1/")["Content-Security-Policy"])["img-src"] == "'self'"
    for address in addresses:
        if address.startswith(settings.STATIC_URL) or address.startswith("/" + settings.STATIC_URL):
            served = client.get(address)
            assert served.status_code == 200, address
            served.close()


def test_the_documentation_script_is_a_file_of_its_own(client):
    response = client.get("/api/v1/docs/?script=")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert b'url: "/api/v1/schema/"' in response.content
    assert not response.cookies  # no CSRF token: the API takes nothing but GET
