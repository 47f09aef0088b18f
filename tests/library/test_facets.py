"""The filter panel beside the list: one form in which each choice carries its count (what
picking it gives with the other active filters; the list's own count agrees), choices without
results are left out unless chosen, the chosen ones come first, and long lists show their top
choices with the rest behind a "show all" that works without JavaScript."""

import re
from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from library import facets as panel
from library.facets import SHOWN_AT_ONCE, choice_items
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
    base, _, query = url.partition("?")
    for facet in facets:
        for choice in facet.choices:
            assert choice.count > 0, "choices without results are left out"
            if choice.selected:
                continue
            picked = QueryDict(query, mutable=True)
            picked.setlist(facet.parameter, [choice.value])  # this choice instead of the facet's own
            response = get(client, f"{base}?{picked.urlencode()}")
            assert response.context["page_obj"].paginator.count == choice.count, (facet.name, choice.label)


def test_the_list_count_agrees_with_the_results(client, corpus):
    response = get(client, "/library/?q=election&theme=electoral-processes")
    page = response.context["page_obj"]
    assert page.paginator.count == len(page.object_list) == 3


def test_a_chosen_value_is_ticked_and_comes_first(client, corpus):
    response = get(client, "/library/?kind=guide&q=election")
    kind = next(facet for facet in response.context["facets"] if facet.name == "kind")
    assert [choice.value for choice in kind.choices][0] == "guide"
    assert [choice.selected for choice in kind.choices] == [True] + [False] * (len(kind.choices) - 1)
    # the other kinds still count as if picked instead
    toolkit = next(choice for choice in kind.choices if choice.value == "toolkit")
    assert toolkit.count == 2
    html = response.content.decode()
    assert '<input type="checkbox" name="kind" value="guide" id="filter-kind-guide" checked>' in html
    assert '<input type="checkbox" name="kind" value="toolkit" id="filter-kind-toolkit">' in html


def test_a_chosen_value_without_results_stays_so_it_can_be_unticked(client, corpus):
    response = get(client, "/library/?q=election&country=ZW")
    assert response.context["page_obj"].paginator.count == 0
    country = next(facet for facet in response.context["facets"] if facet.name == "country")
    assert [(c.value, c.count, c.selected) for c in country.choices if c.value == "ZW"] == [("ZW", 0, True)]
    assert all(choice.count or choice.selected for choice in country.choices)


def test_there_is_one_panel_and_each_choice_has_its_count_in_its_label(client, corpus):
    html = get(client, "/library/?q=election").content.decode()
    assert html.count('<form class="filters"') == 1
    assert "Refine the results" not in html
    assert '<fieldset class="field facet facet--kind">' in html and "<legend>Kind</legend>" in html
    assert re.search(
        r'<input type="checkbox" name="theme" value="electoral-processes" id="filter-theme-electoral-processes">'
        r'<label for="filter-theme-electoral-processes">Electoral processes '
        r'<span class="facet__count">\d+</span><span class="visually-hidden"> results?</span></label>',
        html,
    )
    # one region at most: radio buttons, "any" first
    assert '<input type="radio" name="region" value="" id="filter-region-any" checked>' in html


def test_a_long_list_shows_its_top_choices_and_the_rest_behind_show_all(client, db):
    codes = ["KE", "UG", "TZ", "NG", "GH", "SN", "ML", "NE", "BF", "CI", "CM", "ZA"]
    for number, code in enumerate(codes):
        for _ in range(len(codes) - number):  # KE has the most resources, ZA the fewest
            make_resource(countries=[code])
    response = get(client, "/library/?country=ZA")
    country = next(facet for facet in response.context["facets"] if facet.name == "country")
    assert [choice.value for choice in country.first] == ["ZA", *codes[: SHOWN_AT_ONCE - 1]]
    assert [choice.value for choice in country.more] == codes[SHOWN_AT_ONCE - 1 : -1]
    html = response.content.decode()
    more = html[html.index('<details class="facet__more">') :]
    more = more[: more.index("</details>")]
    assert "<summary>Show all 12 choices</summary>" in more
    assert 'value="CM"' in more and 'value="KE"' not in more and 'value="ZA"' not in more


def test_a_short_list_is_shown_whole(client, corpus):
    html = get(client, "/library/").content.decode()
    theme = html[html.index('<fieldset class="field facet facet--theme">') :]
    assert "<details" not in theme[: theme.index("</fieldset>")]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_panel_is_in_the_reader_s_language(client, corpus, language):
    prefix = "" if language == "en" else f"/{language}"
    html = get(client, f"{prefix}/library/?{urlencode({'country': 'KE'})}").content.decode()
    name = {"en": "Kenya", "fr": "Kenya", "es": "Kenia", "ar": "كينيا"}[language]
    assert re.search(rf'<label for="filter-country-KE">{name} <span class="facet__count">\d+</span>', html)
    words = {
        "en": "results?",
        "fr": "résultats?",
        "es": "resultados?",
        "ar": "نتيجة|نتيجة واحدة|نتيجتان|نتائج",
    }
    counted = re.findall(r'<span class="visually-hidden"> ([^<]+)</span></label>', html)
    assert counted and all(re.fullmatch(words[language], word) for word in counted), counted


def test_region_counts_each_resource_once(client, corpus):
    make_resource(title="Two African countries", countries=["KE", "NG"])
    response = get(client, "/library/?q=african")
    region = next(facet for facet in response.context["facets"] if facet.name == "region")
    assert [(choice.value, choice.count) for choice in region.choices] == [("africa", 1)]


def test_every_part_of_a_choice_is_escaped():
    shown = panel.facet(
        "country", "Country", {'"><x': 2, "KE": 1}, ["KE"], lambda v: f"<b>{v} & co</b>", parameter="c&"
    )
    items = choice_items(shown, shown.choices)
    assert "<b>" not in items and "<x" not in items
    assert '<input type="checkbox" name="c&amp;" value="KE" id="filter-country-KE" checked>' in items
    assert 'value="&quot;&gt;&lt;x" id="filter-country-&quot;&gt;&lt;x">' in items
    assert "&lt;b&gt;&quot;&gt;&lt;x &amp; co&lt;/b&gt;" in items
    assert '<span class="facet__count">2</span><span class="visually-hidden"> results</span>' in items
    assert '<span class="facet__count">1</span><span class="visually-hidden"> result</span>' in items
