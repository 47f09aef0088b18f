"""Published, public data only: every open-data endpoint, every state a resource can be in.

A resource in each state carries the same distinctive word, theme, country and tag; only the
published one whose time has come may appear anywhere: list (plain, searched, filtered, with
facets), detail, themes' counts, OAI-PMH records and identifiers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.helpers import json_of
from tests.factories import make_resource

pytestmark = pytest.mark.django_db

STATES = {
    "draft": {"status": "draft", "published_at": None},
    "review": {"status": "review", "published_at": None},
    "scheduled": {"status": "published", "published_at": timezone.now() + timedelta(days=3)},
    "archived": {"status": "archived"},
    "public": {"status": "published"},
}
SHARED = {"themes": ["womens-empowerment"], "countries": ["NP"], "tags": ["zebra-tag"]}


@pytest.fixture
def every_state(db):
    resources = {}
    for name, fields in STATES.items():
        resources[name] = make_resource(
            title=f"Zebracrossing {name}",
            slug=f"state-{name}",
            summary="About zebracrossing.",
            **SHARED,
            **fields,
        )
    return resources


LIST_QUERIES = [
    "",
    "?q=zebracrossing",
    "?theme=womens-empowerment",
    "?country=NP",
    "?region=asia",
    "?tag=zebra-tag",
    "?language=en&kind=guide",
    "?sort=title",
    "?sort=popular",
    "?sort=oldest",
    "?facets=theme,country,kind,language,year,region",
]


@pytest.mark.parametrize("query", LIST_QUERIES)
def test_lists_show_only_the_public_one(client, every_state, query):
    data = json_of(client.get(f"/api/v1/resources/{query}"))

    assert [item["slug"] for item in data["results"]] == ["state-public"]
    assert data["count"] == 1
    for choices in data.get("facets", {}).values():
        assert all(choice["count"] == 1 for choice in choices)


@pytest.mark.parametrize("state", STATES)
def test_only_the_public_one_has_a_detail(client, every_state, state):
    response = client.get(f"/api/v1/resources/state-{state}/")

    assert response.status_code == (200 if state == "public" else 404)


def test_theme_counts_count_only_the_public_one(client, every_state):
    themes = {theme["slug"]: theme["resource_count"] for theme in json_of(client.get("/api/v1/themes/"))}

    assert themes["womens-empowerment"] == 1


def test_oai_lists_and_gets_only_the_public_one(client, every_state, settings):
    from harvest.protocol import identifier

    for verb in ("ListRecords", "ListIdentifiers"):
        body = client.get(f"/oai/?verb={verb}&metadataPrefix=oai_dc").content.decode()
        assert body.count("<header>") == 1
        assert identifier(every_state["public"].pk) in body
        assert 'status="deleted"' not in body  # none was ever public, so none was withdrawn
    for state, resource in every_state.items():
        body = client.get(f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(resource.pk)}")
        text = body.content.decode()
        if state == "public":
            assert "<dc:title" in text and "Zebracrossing public" in text
        else:
            assert 'code="idDoesNotExist"' in text
            assert "Zebracrossing" not in text
