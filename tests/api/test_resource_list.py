"""/api/v1/resources/: the list pages' parameters with their meanings, cursors, fields, facets."""

import pytest
from django.utils import timezone

from library.filters import ResourceFilter
from library.listing import Listing
from library.models import Resource
from tests.api.helpers import json_of, walk
from tests.factories import make_case_study, make_core_library, make_resource, make_toolkit

pytestmark = pytest.mark.django_db

URL = "/api/v1/resources/"


def html_list_slugs(params):
    """What the library's own list shows for these parameters, every page, in order."""
    from django.http import QueryDict

    filterset = ResourceFilter(QueryDict(params), queryset=Resource.objects.published())
    listing = Listing(filterset)
    ids = listing.page_ids(0, 10_000)
    by_id = Resource.objects.in_bulk(ids)
    return [by_id[i].slug for i in ids]


@pytest.fixture
def library(db):
    core = make_core_library()
    days = [timezone.now() - timezone.timedelta(days=n) for n in range(1, 30)]
    for number, moment in enumerate(days):
        make_resource(
            title=f"Voter registration drive {number}" if number % 3 == 0 else f"Assembly handbook {number}",
            slug=f"extra-{number}",
            published_at=moment,
            language=["en", "fr", "es"][number % 3],
            themes=["electoral-processes"] if number % 2 else ["youth-engagement"],
            countries=["KE"] if number % 4 == 0 else ["PE"],
            tags=["radio"] if number % 5 == 0 else [],
        )
    # same publication time: the id breaks the tie, in the pages and in the cursors
    same = timezone.now() - timezone.timedelta(days=40)
    for number in range(3):
        make_toolkit(title=f"Twin toolkit {number}", slug=f"twin-{number}", published_at=same)
    return core


PARAMETER_SETS = [
    "",
    "kind=toolkit",
    "kind=guide&kind=case-study",
    "theme=electoral-processes",
    "theme=electoral-processes&theme=youth-engagement",
    "country=KE",
    "region=africa",
    "language=fr",
    "tag=radio",
    "year_from=2000&year_to=2100",
    "q=voter",
    "q=assembly -handbook",
    "q=voter&sort=newest",
    "sort=oldest",
    "sort=title",
    "sort=popular",
    "q=toolkit&kind=toolkit&sort=title",
]


@pytest.mark.parametrize("params", PARAMETER_SETS)
def test_the_api_lists_what_the_library_lists_in_the_same_order(client, library, params):
    slugs, pages = walk(client, f"{URL}?page_size=7&{params}")

    assert slugs == html_list_slugs(params)
    assert len(slugs) == len(set(slugs))
    assert pages == max(1, -(-len(slugs) // 7))


def test_the_count_is_the_whole_list_and_the_page_holds_page_size(client, library):
    data = json_of(client.get(f"{URL}?page_size=5&theme=electoral-processes"))

    assert data["count"] == len(html_list_slugs("theme=electoral-processes"))
    assert len(data["results"]) == 5
    assert data["next"].startswith("http://testserver/api/v1/resources/?")


@pytest.mark.parametrize("sort", ["newest", "oldest", "title", "popular"])
def test_a_cursor_carries_on_after_its_resource_while_the_library_changes(client, library, sort):
    first = json_of(client.get(f"{URL}?page_size=4&sort={sort}"))
    seen = [item["slug"] for item in first["results"]]
    # meanwhile: the last resource seen is withdrawn, one seen earlier too, and a new one appears
    Resource.objects.get(slug=seen[-1]).delete()
    Resource.objects.get(slug=seen[0]).delete()
    make_resource(title="A late arrival", slug="late-arrival", published_at=timezone.now())

    rest, _pages = walk(client, first["next"])

    remaining = [slug for slug in html_list_slugs(f"sort={sort}") if slug != "late-arrival"]
    expected_rest = [slug for slug in remaining if slug not in seen]
    assert [slug for slug in rest if slug != "late-arrival"] == expected_rest
    assert not set(rest) & set(seen)


def test_with_q_the_cursor_follows_the_ranking(client, library):
    slugs, _pages = walk(client, f"{URL}?q=voter&page_size=2")

    assert slugs == html_list_slugs("q=voter")
    assert slugs  # the search finds something


def test_fields_keep_only_the_fields_asked_for(client, library):
    data = json_of(client.get(f"{URL}?fields=slug,title,licence"))

    assert {tuple(sorted(item)) for item in data["results"]} == {("licence", "slug", "title")}
    assert data["results"][0]["licence"]["code"] == "CC-BY-4.0"


def test_every_field_by_default(client, library):
    item = json_of(client.get(f"{URL}?kind=toolkit&sort=title"))["results"][0]

    assert item["slug"] == "election-observation-toolkit"
    assert item["kind"] == "toolkit"
    assert item["themes"] == ["electoral-processes"]
    assert item["countries"] == ["KE"]
    assert item["tags"] == [{"slug": "election-observation", "name": "election observation"}]
    assert item["url"] == "http://testserver/toolkits/election-observation-toolkit/"
    assert item["api_url"] == "http://testserver/api/v1/resources/election-observation-toolkit/"
    assert "body" not in item


def test_facets_are_the_counts_the_library_page_shows(client, library):
    data = json_of(client.get(f"{URL}?facets=theme,country,kind&language=en"))

    from django.http import QueryDict

    filterset = ResourceFilter(QueryDict("language=en"), queryset=Resource.objects.published())
    counts = Listing(filterset).facet_counts()
    for name in ("theme", "country", "kind"):
        assert {c["value"]: c["count"] for c in data["facets"][name]} == {
            value: count for value, count in counts[name].items() if count
        }
    assert set(data["facets"]) == {"theme", "country", "kind"}
    assert "facets" not in json_of(client.get(URL))


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=2", "page"),
        ("kind=zine", "kind"),
        ("theme=no-such-theme", "theme"),
        ("country=XX", "country"),
        ("year_from=20000", "year_from"),
        ("sort=random", "sort"),
        ("fields=slug,secret", "fields"),
        ("facets=colour", "facets"),
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("page_size=ten", "page_size"),
        ("cursor=made-up", "cursor"),
        ("unknown=1", "unknown"),
        ("sort=title&sort=newest", "sort"),
        ("tag=not%20a%20slug", "tag"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, library, query, parameter):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 400
    error = json_of(response)["error"]
    assert error["status"] == 400
    assert parameter in error["parameters"]
    assert parameter in error["message"]
    assert error["parameters"][parameter][0]


def test_a_cursor_of_another_sort_is_refused(client, library):
    next_url = json_of(client.get(f"{URL}?page_size=2&sort=title"))["next"]

    response = client.get(next_url.replace("sort=title", "sort=oldest"))

    assert response.status_code == 400
    assert "sort" in json_of(response)["error"]["parameters"]["cursor"][0]


@pytest.mark.parametrize("size", [5, 30])
def test_queries_do_not_grow_with_the_page(client, library, size, django_assert_max_num_queries):
    client.get(URL)  # the facet index is built once per public version
    with django_assert_max_num_queries(6):
        response = client.get(f"{URL}?page_size={size}&facets=theme")
    assert len(json_of(response)["results"]) == size


def test_a_case_study_is_listed_like_any_resource(client, db):
    make_case_study(title="A case", slug="a-case")

    assert [item["slug"] for item in json_of(client.get(URL))["results"]] == ["a-case"]
