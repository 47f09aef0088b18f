"""Facet counts beside the list: each count is what picking that choice gives, with the other
active filters, and the list's own count agrees."""

import re
from datetime import UTC, datetime

import pytest

from tests.factories import make_case_study, make_resource, make_toolkit
from tests.library.search_corpus import build_corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    made = build_corpus()
    make_toolkit(
        title="Old election toolkit",
        summary="Forms.",
        published_at=datetime(2011, 3, 1, tzinfo=UTC),
        countries=["KE", "UG"],
        themes=["electoral-processes"],
        language="fr",
    )
    make_case_study(
        title="Election case",
        summary="An election story.",
        countries=["SN"],
        themes=["electoral-processes", "youth-engagement"],
    )
    return made


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize(
    "url",
    [
        "/library/",
        "/library/?q=election",
        "/library/?q=election&kind=toolkit",
        "/library/?theme=electoral-processes&country=KE",
        "/library/?q=election&language=fr&region=africa",
        "/library/?year_from=2011&year_to=2011",
        "/toolkits/?q=election",
        "/themes/electoral-processes/?q=election",
    ],
)
def test_each_count_is_what_the_choice_gives(client, corpus, url):
    response = get(client, url)
    facets = response.context["facets"]
    assert facets, "a list with results shows facets"
    for facet in facets:
        for choice in facet.choices:
            assert choice.count > 0, "choices without results are left out"
            if choice.selected:
                continue
            base = url.split("?")[0]
            picked = get(client, f"{base}?{choice.query}")
            assert picked.context["page_obj"].paginator.count == choice.count, (facet.name, choice.label)


def test_the_list_count_agrees_with_the_results(client, corpus):
    response = get(client, "/library/?q=election&theme=electoral-processes")
    page = response.context["page_obj"]
    assert page.paginator.count == len(page.object_list) == 3


def test_a_chosen_value_is_marked_and_links_to_its_removal(client, corpus):
    response = get(client, "/library/?kind=toolkit&q=election")
    kind = next(facet for facet in response.context["facets"] if facet.name == "kind")
    toolkit = next(choice for choice in kind.choices if choice.value == "toolkit")
    assert toolkit.selected and "kind=" not in toolkit.query and "q=election" in toolkit.query
    # the other kinds still count as if picked instead
    guide = next(choice for choice in kind.choices if choice.value == "guide")
    assert guide.count == 2


def test_facets_have_accessible_names(client, corpus):
    html = get(client, "/library/?q=election").content.decode()
    assert '<nav class="facets" aria-labelledby="facets-heading">' in html
    assert re.search(r'<h3 id="facet-kind-heading">Kind</h3>', html)
    assert re.search(
        r'<span class="facet__count">\d+</span>\s*<span class="visually-hidden">results?</span>', html
    )


def test_region_counts_each_resource_once(client, corpus):
    make_resource(title="Two African countries", countries=["KE", "NG"])
    response = get(client, "/library/?q=african")
    region = next(facet for facet in response.context["facets"] if facet.name == "region")
    assert [(choice.value, choice.count) for choice in region.choices] == [("africa", 1)]
