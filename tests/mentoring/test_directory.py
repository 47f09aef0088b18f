"""/mentors/: who may see it, its filters with counts, search, room, and what it never shows."""

import pytest
from django.utils import timezone

from library.facets import SHOWN_AT_ONCE
from library.models import Membership
from mentoring import directory
from mentoring.models import ProfileStatus, Status
from tests.factories import make_user
from tests.mentoring.helpers import make_mentor, make_mentorship

pytestmark = pytest.mark.django_db


def test_anonymous_are_sent_to_sign_in_and_non_partners_get_a_clear_403(client, visitor, mentor):
    response = client.get("/mentors/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/mentors/")
    client.force_login(visitor)
    response = client.get("/mentors/")
    assert response.status_code == 403
    assert "partner organisations" in response.content.decode()
    assert client.get(f"/mentors/{mentor.pk}/").status_code == 403


def test_partners_and_staff_see_the_directory_privately(client, mentee, staff, mentor):
    for person in (mentee, staff):
        client.force_login(person)
        response = client.get("/mentors/")
        assert response.status_code == 200
        assert "Lucía Quispe" in response.content.decode()
        assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_only_approved_mentors_who_are_still_partners_are_listed(client, mentee, mentor):
    make_mentor("pending", name="Pending Person", status=ProfileStatus.PENDING)
    make_mentor("paused", name="Paused Person", status=ProfileStatus.PAUSED)
    gone = make_mentor("gone", name="Gone Person")
    Membership.objects.filter(user=gone.user).update(ended=timezone.now())
    client.force_login(mentee)
    page = client.get("/mentors/").content.decode()
    assert "Lucía Quispe" in page
    for hidden in ("Pending Person", "Paused Person", "Gone Person"):
        assert hidden not in page
    assert client.get(f"/mentors/{gone.pk}/").status_code == 404


def test_filters_narrow_and_counts_say_how_many_each_choice_gives(client, mentee):
    make_mentor("ana", name="Ana", themes=("electoral-processes",), countries=("PE",), languages=("es",))
    make_mentor("bo", name="Bo", themes=("youth-engagement",), countries=("KH",), languages=("km", "en"))
    make_mentor(
        "cy",
        name="Cy",
        themes=("youth-engagement", "electoral-processes"),
        countries=("SN",),
        languages=("fr",),
    )
    client.force_login(mentee)

    response = client.get("/mentors/", {"theme": "youth-engagement"})
    page = response.content.decode()
    assert response.status_code == 200
    names = [m.display_name for m in response.context["page_obj"]]
    assert names == ["Bo", "Cy"]
    facets = {facet.name: {c.value: c.count for c in facet.choices} for facet in response.context["facets"]}
    # the theme's own counts ignore the theme filter; the others apply it
    assert facets["theme"] == {"electoral-processes": 2, "youth-engagement": 2}
    assert facets["language"] == {"km": 1, "en": 1, "fr": 1}
    assert facets["region"]["asia"] == 1 and facets["region"]["africa"] == 1
    assert "americas" not in facets["region"]
    assert "2 mentors" in page

    assert [m.display_name for m in client.get("/mentors/", {"region": "americas"}).context["page_obj"]] == [
        "Ana"
    ]
    assert [m.display_name for m in client.get("/mentors/", {"country": "SN"}).context["page_obj"]] == ["Cy"]
    assert [m.display_name for m in client.get("/mentors/", {"language": "en"}).context["page_obj"]] == ["Bo"]


def test_search_covers_names_and_biographies(client, mentee):
    make_mentor("ana", name="Ana Torres", biography="Community radio in the Andes.")
    make_mentor("bo", name="Bo Chan", biography="Youth councils and budgets.")
    client.force_login(mentee)
    assert [m.display_name for m in client.get("/mentors/", {"q": "radio"}).context["page_obj"]] == [
        "Ana Torres"
    ]
    assert [m.display_name for m in client.get("/mentors/", {"q": "chan"}).context["page_obj"]] == ["Bo Chan"]
    assert list(client.get("/mentors/", {"q": "radio budgets"}).context["page_obj"]) == []


def test_room_is_shown_and_can_be_filtered(client, mentee):
    full = make_mentor("full", name="Full Mentor", capacity=1)
    make_mentorship(make_user("someone"), full, status=Status.ACTIVE)
    make_mentor("free", name="Free Mentor", capacity=3)
    make_mentor("resting", name="Resting Mentor", accepting=False)
    client.force_login(mentee)
    page = client.get("/mentors/").content.decode()
    assert "Room for 3 more mentees" in page
    assert "No room for another mentee at the moment" in page
    assert "Not taking requests at the moment" in page
    with_room = client.get("/mentors/", {"room": "on"}).context["page_obj"]
    assert [m.display_name for m in with_room] == ["Free Mentor"]


def test_no_email_address_appears_on_any_directory_page(client, mentee, mentor):
    client.force_login(mentee)
    for url in ("/mentors/", f"/mentors/{mentor.pk}/"):
        page = client.get(url).content.decode()
        assert mentor.user.email not in page
        assert "@" not in page.replace("@example", "")  # no address of anyone at all


def test_the_biography_is_sanitised_markdown(client, mentee):
    mentor = make_mentor("x", biography="**Bold** <script>alert(1)</script> [link](javascript:alert(1))")
    client.force_login(mentee)
    page = client.get(f"/mentors/{mentor.pk}/").content.decode()
    assert "<strong>Bold</strong>" in page
    assert "<script>alert" not in page
    assert "javascript:" not in page


@pytest.mark.parametrize(
    "params",
    [
        {"theme": "nope"},
        {"region": "atlantis"},
        {"country": "XX"},
        {"language": "klingon"},
        {"q": "x" * 500},
        {"room": "maybe"},
    ],
)
def test_a_bad_parameter_is_a_400_with_the_reason(client, mentee, mentor, params):
    client.force_login(mentee)
    response = client.get("/mentors/", params)
    if params == {"room": "maybe"}:
        # a checkbox: anything but a false value means ticked
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


def test_the_panel_is_one_form_with_each_count_beside_its_choice(client, mentee):
    make_mentor("ana", name="Ana", themes=("electoral-processes",), countries=("PE",), languages=("es",))
    make_mentor("bo", name="Bo", themes=("electoral-processes", "youth-engagement"), countries=("PE",))
    client.force_login(mentee)
    html = client.get("/mentors/").content.decode()
    assert html.count('<form class="filters"') == 1
    assert "Refine the results" not in html and "<select" not in html
    assert '<fieldset class="field facet facet--country">' in html and "<legend>Country</legend>" in html
    assert (
        '<input type="radio" name="theme" value="electoral-processes" id="filter-theme-electoral-processes">'
        '<label for="filter-theme-electoral-processes">Electoral processes '
        '<span class="facet__count">2</span><span class="visually-hidden"> results</span></label>'
    ) in html
    assert (
        '<label for="filter-country-PE">Peru <span class="facet__count">2</span>'
        '<span class="visually-hidden"> results</span></label>'
    ) in html
    assert '<label for="filter-language-es">Spanish <span class="facet__count">1</span>' in html
    # single choices: radio buttons, "Any ..." first and picked when nothing is
    for name, any_label in (
        ("theme", "Any theme"),
        ("region", "Any region"),
        ("country", "Any country"),
        ("language", "Any language"),
    ):
        fieldset = html[html.index(f'<fieldset class="field facet facet--{name}">') :]
        assert fieldset[fieldset.index("<input") :].startswith(
            f'<input type="radio" name="{name}" value="" id="filter-{name}-any" checked>'
            f'<label for="filter-{name}-any">{any_label}</label>'
        )
    assert '<input type="search" name="q" id="id_q" maxlength="200" value="">' in html
    assert 'name="room"' in html and "Only mentors with room for a mentee" in html


def test_choices_without_mentors_are_left_out(client, mentee):
    make_mentor("ana", name="Ana", themes=("electoral-processes",), countries=("PE",), languages=("es",))
    make_mentor("bo", name="Bo", themes=("youth-engagement",), countries=("KH",), languages=("km",))
    client.force_login(mentee)
    response = client.get("/mentors/", {"theme": "youth-engagement"})
    html = response.content.decode()
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert all(choice.count for facet in facets.values() for choice in facet.choices)
    # with the theme on, Peru and Spanish give nobody; the theme's own choices ignore the theme
    assert 'value="PE"' not in html and 'value="es"' not in html and 'value="KH"' in html
    assert 'value="electoral-processes"' in html
    assert 'value="womens-empowerment"' not in html  # a theme no mentor has


def test_the_chosen_value_is_picked_and_comes_first_even_without_mentors(client, mentee):
    for number, name in enumerate(("ana", "bo", "cy")):
        make_mentor(name, countries=("PE",) if number else ("KE",), languages=("es",))
    client.force_login(mentee)
    response = client.get("/mentors/", {"country": "KE"})
    country = next(facet for facet in response.context["facets"] if facet.name == "country")
    assert [(c.value, c.count, c.selected) for c in country.choices] == [("KE", 1, True), ("PE", 2, False)]
    html = response.content.decode()
    assert '<input type="radio" name="country" value="" id="filter-country-any">' in html
    kenya = html.index('<input type="radio" name="country" value="KE" id="filter-country-KE" checked>')
    assert kenya < html.index('value="PE"')

    # chosen with no mentor left by another filter: still shown, at 0, so it can be changed back
    response = client.get("/mentors/", {"country": "KE", "language": "fr"})
    country = next(facet for facet in response.context["facets"] if facet.name == "country")
    assert [(c.value, c.count, c.selected) for c in country.choices] == [("KE", 0, True)]


CODES = ["KE", "UG", "TZ", "NG", "GH", "SN", "ML", "NE", "BF", "CI", "CM", "ZA"]  # most mentors first


def test_a_long_country_list_shows_its_top_choices_and_the_rest_behind_show_all(client, mentee):
    for number, code in enumerate(CODES):
        for copy in range(len(CODES) - number):
            make_mentor(f"{code.lower()}{copy}", countries=(code,))
    client.force_login(mentee)
    response = client.get("/mentors/", {"country": "ZA"})
    country = next(facet for facet in response.context["facets"] if facet.name == "country")
    assert [c.value for c in country.first] == ["ZA", *CODES[: SHOWN_AT_ONCE - 1]]
    assert [c.value for c in country.more] == CODES[SHOWN_AT_ONCE - 1 : -1]
    html = response.content.decode()
    fieldset = html[html.index('<fieldset class="field facet facet--country">') :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    more = fieldset[fieldset.index('<details class="facet__more">') : fieldset.index("</details>")]
    assert "<summary>Show all 12 choices</summary>" in more
    assert 'value="CM"' in more and 'value="KE"' not in more and 'value="ZA"' not in more
    # the short lists are shown whole
    theme = html[html.index('<fieldset class="field facet facet--theme">') :]
    assert "<details" not in theme[: theme.index("</fieldset>")]


@pytest.mark.parametrize(
    ("prefix", "name", "results"),
    [
        ("", "Peru", "results"),
        ("/fr", "Pérou", "résultats"),
        ("/es", "Perú", "resultados"),
        ("/ar", "بيرو", "نتيجتان"),
    ],
)
def test_the_panel_is_in_the_reader_s_language(client, mentee, prefix, name, results):
    make_mentor("ana", countries=("PE",))
    make_mentor("bo", countries=("PE",))
    client.force_login(mentee)
    html = client.get(f"{prefix}/mentors/").content.decode()
    assert (
        f'<label for="filter-country-PE">{name} <span class="facet__count">2</span>'
        f'<span class="visually-hidden"> {results}</span></label>'
    ) in html


def test_a_page_past_the_end_is_a_404_that_links_the_last_page(client, mentee, monkeypatch):
    monkeypatch.setattr(directory, "PAGE_SIZE", 2)
    for name in ("ana", "bo", "cy", "di", "ed"):
        make_mentor(name, languages=("es",))
    client.force_login(mentee)
    response = client.get("/mentors/", {"language": "es", "page": "3"})
    assert response.status_code == 200 and len(response.context["page_obj"]) == 1

    response = client.get("/mentors/", {"language": "es", "page": "9"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no page 9 in this list: it has 3 pages." in html
    assert '<a href="/mentors/?language=es&amp;page=3">Go to the last page (page 3)</a>' in html
    assert '<a href="/mentors/?language=es">Go to the first page</a>' in html
    assert "Ed Mentor" not in html  # never a copy of the last page
    assert "no-store" in response["Cache-Control"]
    assert client.get("/fr/mentors/", {"page": "0"}).status_code == 404


def test_a_page_number_that_is_no_number_is_a_400(client, mentee, mentor):
    client.force_login(mentee)
    response = client.get("/mentors/", {"page": "abc"})
    assert response.status_code == 400
    assert "The page number in the address is not a whole number." in response.content.decode()
    assert "Lucía Quispe" not in response.content.decode()


def test_pages_past_the_end_keep_the_access_rules(client, visitor, mentor):
    response = client.get("/mentors/", {"page": "9"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(visitor)
    assert client.get("/mentors/", {"page": "abc"}).status_code == 403


def test_query_count_does_not_grow_with_the_number_of_mentors(client, mentee, django_assert_max_num_queries):
    client.force_login(mentee)
    make_mentor("one", themes=("youth-engagement",), countries=("PE",), languages=("es",))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get("/mentors/", {"language": "es"}).status_code == 200
    for number in range(25):
        make_mentor(
            f"m{number}",
            themes=("youth-engagement", "electoral-processes"),
            countries=("PE", CODES[number % len(CODES)]),
            languages=("es", "en"),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/mentors/", {"language": "es"})
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 20
    assert '<details class="facet__more">' in response.content.decode()  # 13 countries: collapsed
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/mentors/", {"language": "es", "country": "PE", "theme": "youth-engagement"})
    assert len(response.context["page_obj"]) == 20
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/mentors/", {"language": "es", "page": "9"}).status_code == 404
