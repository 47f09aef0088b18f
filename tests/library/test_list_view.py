"""The library list and its filters, as a reader uses them through the address bar."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from library.models.resources import Kind
from tests.factories import make_case_study, make_resource, make_toolkit
from tests.library.cards_shown import card_titles

pytestmark = pytest.mark.django_db


def titles(response):
    return card_titles(response)


def on(year):
    return datetime(year, 6, 1, tzinfo=UTC)


@pytest.fixture
def shelf():
    """A small library with one distinguishing trait per resource."""
    return {
        "kenya": make_case_study(
            title="Kenya observers",
            countries=["KE"],
            themes=["electoral-processes"],
            published_at=on(2019),
            language="en",
        ),
        "peru": make_toolkit(
            title="Peru radio kit",
            countries=["PE"],
            themes=["media-and-freedom-of-information"],
            tags=["community radio"],
            published_at=on(2015),
            language="es",
        ),
        "tunisia": make_resource(
            title="Tunisia youth guide",
            countries=["TN"],
            themes=["youth-engagement"],
            published_at=on(2021),
            language="fr",
            tags=["youth councils"],
        ),
        "nepal": make_toolkit(
            title="Nepal budget kit",
            countries=["NP"],
            themes=["electoral-processes"],
            published_at=on(2012),
            language="en",
            tags=["Community Radio"],
        ),
    }


def test_it_lists_every_published_resource_newest_first(client, shelf):
    response = client.get("/library/")
    assert titles(response) == [
        "Tunisia youth guide",
        "Kenya observers",
        "Peru radio kit",
        "Nepal budget kit",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=toolkit", {"Peru radio kit", "Nepal budget kit"}),
        ("kind=toolkit&kind=case-study", {"Peru radio kit", "Nepal budget kit", "Kenya observers"}),
        ("theme=electoral-processes", {"Kenya observers", "Nepal budget kit"}),
        (
            "theme=electoral-processes&theme=youth-engagement",
            {"Kenya observers", "Nepal budget kit", "Tunisia youth guide"},
        ),
        ("tag=community-radio", {"Peru radio kit", "Nepal budget kit"}),
        ("country=KE", {"Kenya observers"}),
        ("country=KE&country=PE", {"Kenya observers", "Peru radio kit"}),
        ("region=africa", {"Kenya observers", "Tunisia youth guide"}),
        ("region=northern-africa", {"Tunisia youth guide"}),
        ("region=latin-america-and-the-caribbean", {"Peru radio kit"}),
        ("language=fr", {"Tunisia youth guide"}),
        ("year_from=2015&year_to=2019", {"Kenya observers", "Peru radio kit"}),
        ("theme=electoral-processes&country=NP&kind=toolkit", {"Nepal budget kit"}),
        ("theme=electoral-processes&language=es", set()),
    ],
)
def test_filters_narrow_the_list_and_combine(client, shelf, query, expected):
    response = client.get(f"/library/?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_tags_are_matched_whatever_their_case(shelf):
    # "Community Radio" and "community radio" are one tag (TAGGIT_CASE_INSENSITIVE)
    assert shelf["nepal"].tags.get().slug == shelf["peru"].tags.get().slug == "community-radio"


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["Tunisia youth guide", "Kenya observers", "Peru radio kit", "Nepal budget kit"]),
        ("oldest", ["Nepal budget kit", "Peru radio kit", "Kenya observers", "Tunisia youth guide"]),
        ("title", ["Kenya observers", "Nepal budget kit", "Peru radio kit", "Tunisia youth guide"]),
    ],
)
def test_it_sorts(client, shelf, sort, expected):
    assert titles(client.get(f"/library/?sort={sort}")) == expected


def test_popular_sort_puts_the_most_downloaded_first(client, shelf):
    type(shelf["peru"]).objects.filter(pk=shelf["peru"].pk).update(download_count=40)
    type(shelf["nepal"]).objects.filter(pk=shelf["nepal"].pk).update(download_count=7)
    assert titles(client.get("/library/?sort=popular"))[:2] == ["Peru radio kit", "Nepal budget kit"]


def test_kind_pages_show_only_their_kind(client, shelf):
    assert set(titles(client.get("/toolkits/"))) == {"Peru radio kit", "Nepal budget kit"}
    assert titles(client.get("/case-studies/")) == ["Kenya observers"]
    assert titles(client.get("/guides/")) == ["Tunisia youth guide"]


def test_a_kind_page_ignores_another_kind_in_the_address(client, shelf):
    response = client.get("/guides/?kind=toolkit")
    assert titles(response) == ["Tunisia youth guide"]


def test_theme_and_tag_pages_show_their_resources(client, shelf):
    assert set(titles(client.get("/themes/electoral-processes/"))) == {"Kenya observers", "Nepal budget kit"}
    assert set(titles(client.get("/tags/community-radio/"))) == {"Peru radio kit", "Nepal budget kit"}
    assert client.get("/themes/no-such-theme/").status_code == 404
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_theme_pages_accept_the_list_filters(client, shelf):
    assert titles(client.get("/themes/electoral-processes/?kind=toolkit")) == ["Nepal budget kit"]


def test_the_theme_index_counts_public_resources(client, shelf):
    make_resource(themes=["electoral-processes"], status="draft")
    themes = {theme.slug: theme.resource_count for theme in client.get("/themes/").context["themes"]}
    assert len(themes) == 8
    assert themes["electoral-processes"] == 2
    assert themes["womens-empowerment"] == 0


def test_active_filters_are_shown_with_a_link_that_removes_each(client, shelf):
    response = client.get("/library/?theme=electoral-processes&country=KE&sort=title")
    chips = {chip["value"]: chip["remove_query"] for chip in response.context["active_filters"]}
    assert set(chips) == {"Electoral processes", "Kenya"}
    assert "theme" not in chips["Electoral processes"] and "country=KE" in chips["Electoral processes"]
    assert "sort=title" in chips["Kenya"]
    page = response.content.decode()
    assert f'href="?{escape(chips["Kenya"])}"' in page


def test_a_tag_chip_shows_the_tag_name_and_an_unknown_slug_keeps_its_slug(client, shelf):
    response = client.get("/library/?tag=community-radio&tag=no-such-tag")
    chips = [(chip["field"], chip["value"]) for chip in response.context["active_filters"]]
    assert chips == [("Tag", "community radio"), ("Tag", "no-such-tag")]
    assert "Tag: community radio" in response.content.decode()


def test_tag_chips_cost_one_query_however_many_tags_are_chosen(client, shelf):
    client.get("/library/")  # the first request also reads the public cache state
    one = count_queries(client, "/library/?tag=community-radio")
    three = count_queries(client, "/library/?tag=community-radio&tag=youth-councils&tag=no-such-tag")
    assert three == one


@pytest.mark.parametrize(
    "query",
    [
        "kind=pamphlet",
        "theme=no-such-theme",
        "country=XX",
        "country=kenya",
        "region=atlantis",
        "language=klingon",
        "year_from=abc",
        "year_to=99999",
        "sort=random",
        "tag=<script>",
    ],
)
def test_a_bad_parameter_is_answered_400_with_a_clear_message(client, shelf, query):
    response = client.get(f"/library/?{query}")
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


def test_the_reader_is_told_about_a_bad_filter_before_the_results(client, shelf):
    # the results come before the filter form in the page, so the message sits with them
    page = client.get("/library/?year_from=abc").content.decode()
    assert page.index("could not be understood") < page.index('class="card') < page.index('class="filters"')


def test_a_bad_page_number_never_fails(client, shelf):
    for page in ["abc", "1.5", "1e3", "\u00a0", "²"]:  # "²" is a digit to str.isdigit, not to int()
        response = client.get(f"/library/?page={page}")
        assert response.status_code == 400, page
        assert "The page number in the address is not a whole number." in response.content.decode()
    for page in ["0", "-1", "99999"]:
        assert client.get(f"/library/?page={page}").status_code == 404, page
    assert client.get("/library/?page=").status_code == 200


def test_a_page_past_the_end_is_404_and_links_the_last_page_never_a_copy_of_it(client, settings):
    settings.LIBRARY_PAGE_SIZE = 2
    for number in range(5):
        make_resource(title=f"Guide {number}", themes=["tools-for-knowledge"])
    last = client.get("/library/?theme=tools-for-knowledge&page=3")
    assert last.status_code == 200 and len(titles(last)) == 1

    response = client.get("/library/?theme=tools-for-knowledge&page=4")

    assert response.status_code == 404
    page = response.content.decode()
    assert "There is no page 4 in this list: it has 3 pages." in page
    assert '<a href="/library/?theme=tools-for-knowledge&amp;page=3">Go to the last page (page 3)</a>' in page
    assert '<a href="/library/?theme=tools-for-knowledge">Go to the first page</a>' in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'class="card' not in page


@pytest.mark.parametrize("prefix", ["/fr", "/es", "/ar"])
def test_the_no_such_page_answer_is_translated(client, shelf, prefix):
    page = client.get(f"{prefix}/library/?page=9").content.decode()
    assert "There is no page" not in page and "Go to the first page" not in page


def test_it_paginates_and_keeps_the_filters_in_page_links(client, settings):
    settings.LIBRARY_PAGE_SIZE = 2
    for number in range(5):
        make_resource(title=f"Guide {number}", themes=["tools-for-knowledge"])
    response = client.get("/library/?theme=tools-for-knowledge&page=2")
    assert response.context["page_obj"].number == 2
    assert len(titles(response)) == 2
    page = response.content.decode()
    assert 'href="?theme=tools-for-knowledge&amp;page=3"' in page
    assert 'href="?theme=tools-for-knowledge&amp;page=1"' in page


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def fill(count):
    for number in range(count):
        make_resource(
            kind=Kind.TOOLKIT if number % 2 else Kind.GUIDE,
            title=f"Filler {number}",
            themes=["electoral-processes", "youth-engagement"],
            countries=["KE", "UG"],
            tags=["a", "b"],
        )


@pytest.mark.parametrize(
    "url", ["/library/", "/library/?theme=electoral-processes&sort=title", "/toolkits/", "/"]
)
def test_list_pages_run_a_fixed_number_of_queries_whatever_the_page_size(client, settings, url):
    settings.LIBRARY_PAGE_SIZE = 50
    fill(3)
    few = count_queries(client, url)
    fill(30)
    many = count_queries(client, url)
    assert many == few
    assert many <= 12


def test_detail_pages_run_a_fixed_number_of_queries(client):
    case = make_case_study(countries=["KE"], themes=["electoral-processes"], tags=["x"])
    case.related.add(make_resource(countries=["KE"], tags=["q"]))
    few = count_queries(client, case.get_absolute_url())
    case.countries.add("UG", "TZ", "RW")
    case.tags.add("y", "z")
    for _number in range(5):
        case.related.add(make_resource(countries=["KE", "UG"], tags=["q"]))
    versions = [make_resource(language=language, translation_of=case) for language in ["fr", "es"]]
    with CaptureQueriesContext(connection) as many:
        page = client.get(case.get_absolute_url()).content.decode()
    for version in versions:
        assert f'<a href="{version.get_absolute_url()}" hreflang="{version.language}">' in page
    assert len(many) == few
    from library import extensions

    # related resources and language versions share one query; each section another app adds to
    # the page (library.extensions: the events it came from, ...) may ask one more
    assert few <= 12 + len(extensions.resource_sections._functions)


@pytest.mark.parametrize(
    ("query", "shown"),
    [("", "newest"), ("q=radio", "relevance"), ("sort=title", "title"), ("q=radio&sort=oldest", "oldest")],
)
def test_the_sort_menu_shows_the_order_the_list_is_in(client, shelf, query, shown):
    page = client.get(f"/library/?{query}").content.decode()
    menu = page[page.index('<select name="sort"') :]
    menu = menu[: menu.index("</select>")]
    assert f'<option value="{shown}" selected>' in menu
    assert menu.count(" selected>") == 1
