"""Nothing personal from mentoring in the public pages, caches, feeds, sitemap, exports or robots."""

import pytest
from django.core.cache import cache

from mentoring.models import Goal, SessionNote, Status
from tests.factories import make_core_library
from tests.mentoring.helpers import make_mentor, make_mentorship

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    "/library/",
    "/case-studies/",
    "/feeds/latest/",
    "/sitemap.xml",
    "/library/export.csv",
    "/robots.txt",
]


def test_public_surfaces_hold_no_mentoring_data(client, mentee):
    make_core_library()
    mentor = make_mentor("zed", name="Zebulon Uniquename", biography="Bio-UNIQUE-TEXT")
    mentorship = make_mentorship(mentee, mentor, status=Status.ACTIVE, goal="GOAL-UNIQUE-TEXT")
    Goal.objects.create(mentorship=mentorship, author=mentee, text="GOAL-UNIQUE-TEXT")
    SessionNote.objects.create(
        mentorship=mentorship, author=mentee, met_on="2026-11-01", text="NOTE-UNIQUE-TEXT"
    )
    # signed-in pages first, so a wrongly cached one would show up for the anonymous reader after
    client.force_login(mentee)
    client.get("/mentors/")
    client.get(f"/mentoring/{mentorship.pk}/")
    client.logout()
    for url in PUBLIC:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        for secret in (
            "Zebulon",
            "Bio-UNIQUE-TEXT",
            "GOAL-UNIQUE-TEXT",
            "NOTE-UNIQUE-TEXT",
            mentor.user.email,
        ):
            assert secret not in text, (url, secret)
        if url == "/sitemap.xml":
            assert "/mentors/" not in text and "/mentoring/" not in text
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /mentors/" in robots and "Disallow: /mentoring/" in robots


def test_mentoring_pages_are_never_stored_by_the_page_cache(client, mentee):
    mentor = make_mentor("zed", name="Zebulon Uniquename")
    client.force_login(mentee)
    cache.clear()
    for url in (
        "/mentors/",
        f"/mentors/{mentor.pk}/",
        "/mentoring/",
        "/mentoring/offer/",
        "/mentoring/find/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    client.logout()
    response = client.get("/mentors/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
