"""/mentors/: who may see it, its filters with counts, search, room, and what it never shows."""

import pytest
from django.utils import timezone

from library.models import Membership
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


def test_a_page_number_out_of_range_shows_the_last_page(client, mentee, mentor):
    client.force_login(mentee)
    response = client.get("/mentors/", {"page": "999"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


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
            countries=("PE", "BO"),
            languages=("es", "en"),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/mentors/", {"language": "es"})
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 20
