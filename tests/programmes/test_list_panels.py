"""The filter panel of /collections/ and /programmes/, the library's one: each choice with what
picking it gives with the other filter on, choices without results left out, the chosen first;
a page past the end is 404 with a link to the last page; a bad filter is 400 with the panel."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.views import collections as collection_views
from programmes.views import programmes as programme_views
from tests.programmes.builders import make_collection, make_programme

pytestmark = pytest.mark.django_db

CHOICE = re.compile(
    r'<input type="radio" name="(?P<name>\w+)" value="(?P<value>[^"]*)" id="[^"]+"(?P<checked> checked)?>'
    r'<label for="[^"]+">[^<]*?(?: <span class="facet__count">(?P<count>\d+)</span>|</label>)'
)


def choices(response, parameter):
    """The panel's radio buttons for `parameter`, in order: (value, count, checked); the "any"
    choice has the value "" and no count."""
    return [
        (found["value"], int(found["count"]) if found["count"] else None, bool(found["checked"]))
        for found in CHOICE.finditer(response.content.decode())
        if found["name"] == parameter
    ]


@pytest.fixture
def collections(db):
    return {
        "elections en": make_collection(title="Ballots", themes=["electoral-processes"], language="en"),
        "elections fr": make_collection(
            title="Urnes", themes=["electoral-processes", "youth-engagement"], language="fr"
        ),
        "youth en": make_collection(title="Young voices", themes=["youth-engagement"], language="en"),
        "media en": make_collection(
            title="Radio", themes=["media-and-freedom-of-information"], language="en"
        ),
    }


def test_each_collection_choice_shows_its_count_and_choices_without_results_are_left_out(client, collections):
    response = client.get("/collections/")
    assert response.status_code == 200
    assert choices(response, "theme") == [
        ("", None, True),
        ("electoral-processes", 2, False),
        ("youth-engagement", 2, False),
        ("media-and-freedom-of-information", 1, False),
    ]
    assert choices(response, "language") == [("", None, True), ("en", 3, False), ("fr", 1, False)]
    assert '<span class="facet__count">2</span>' in response.content.decode()
    assert b'value="tools-for-knowledge"' not in response.content
    assert b'value="es"' not in response.content
    assert b'<select name="theme"' not in response.content  # the panel replaced the old selects


def test_collection_counts_are_what_picking_gives_with_the_other_filter_on(client, collections):
    response = client.get("/collections/?language=fr")
    assert [title in response.content for title in (b"Urnes", b"Ballots")] == [True, False]
    # the themes of the French collections only; the languages as if picked instead of French
    assert choices(response, "theme") == [
        ("", None, True),
        ("electoral-processes", 1, False),
        ("youth-engagement", 1, False),
    ]
    assert choices(response, "language") == [("", None, False), ("fr", 1, True), ("en", 3, False)]


def test_the_chosen_theme_comes_first_and_a_chosen_one_without_results_stays_to_be_unpicked(
    client, collections
):
    response = client.get("/collections/?theme=media-and-freedom-of-information")
    assert choices(response, "theme")[:2] == [
        ("", None, False),
        ("media-and-freedom-of-information", 1, True),
    ]
    assert choices(response, "language") == [("", None, True), ("en", 1, False)]

    response = client.get("/collections/?theme=tools-for-knowledge")
    assert response.status_code == 200 and b"No collection matches." in response.content
    assert choices(response, "theme")[1] == ("tools-for-knowledge", 0, True)
    assert choices(response, "language") == []  # nothing to offer: no facet at all


def test_programme_levels_count_in_their_own_order_the_chosen_first(client):
    for level, language in [
        ("advanced", "en"),
        ("advanced", "en"),
        ("advanced", "fr"),
        ("introductory", "en"),
        ("intermediate", "es"),
    ]:
        make_programme(modules=0, level=level, language=language)
    response = client.get("/programmes/")
    assert response.status_code == 200
    assert choices(response, "level") == [
        ("", None, True),
        ("introductory", 1, False),
        ("intermediate", 1, False),
        ("advanced", 3, False),
    ]
    assert choices(response, "language") == [
        ("", None, True),
        ("en", 3, False),
        ("fr", 1, False),
        ("es", 1, False),
    ]

    response = client.get("/programmes/?level=advanced&language=fr")
    assert choices(response, "level") == [("", None, False), ("advanced", 1, True)]
    assert choices(response, "language") == [("", None, False), ("fr", 1, True), ("en", 2, False)]
    assert b"Any level" in response.content and b"Any language" in response.content


@pytest.mark.parametrize(
    ("path", "views", "size", "make"),
    [
        (
            "/collections/",
            collection_views,
            "COLLECTIONS_PAGE_SIZE",
            lambda n: make_collection(title=f"Shelf {n}"),
        ),
        (
            "/programmes/",
            programme_views,
            "PROGRAMMES_PAGE_SIZE",
            lambda n: make_programme(modules=0, title=f"Shelf {n}"),
        ),
    ],
)
def test_a_page_past_the_end_is_404_with_a_link_to_the_last_page(
    client, monkeypatch, path, views, size, make
):
    monkeypatch.setattr(views, size, 2)
    for number in range(5):
        make(number)
    assert client.get(f"{path}?language=en&page=3").status_code == 200
    response = client.get(f"{path}?language=en&page=4")
    assert response.status_code == 404
    text = response.content.decode()
    assert f'href="{path}?language=en&amp;page=3"' in text
    assert "Shelf" not in text  # not a copy of the last page under this address
    assert client.get(f"{path}?page=abc").status_code == 400


@pytest.mark.parametrize(
    ("path", "bad"), [("/collections/", "theme=no-such-theme"), ("/programmes/", "level=expert")]
)
def test_a_bad_filter_is_400_with_the_panel_keeping_the_valid_filter(client, path, bad):
    make_collection(title="Urnes", language="fr", themes=["electoral-processes"])
    make_collection(title="Ballots", language="en", themes=["electoral-processes"])
    make_programme(modules=0, title="Urnes", language="fr")
    make_programme(modules=0, title="Ballots", language="en")
    response = client.get(f"{path}?{bad}&language=fr")
    assert response.status_code == 400
    assert b"could not be understood" in response.content
    assert b'<form class="filters" method="get">' in response.content
    assert choices(response, "language") == [("", None, False), ("fr", 1, True), ("en", 1, False)]
    assert b"Urnes" in response.content and b"Ballots" not in response.content


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("/collections/", lambda n: make_collection(themes=["electoral-processes"], language="fr")),
        ("/programmes/", lambda n: make_programme(modules=1, steps=0, questions=0, language="fr")),
    ],
)
def test_a_list_page_costs_the_same_queries_with_5_or_25_items(client, path, make):
    def queries(address):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    for number in range(5):
        make(number)
    few = queries(f"{path}?language=fr")
    for number in range(20):
        make(number)
    many = queries(f"{path}?language=fr&page=1")  # another address: not the page stored for the first
    assert many == few
    assert few <= 12, few
