"""Every mentoring page, in English and Arabic, is valid HTML by the Nu HTML checker (vnu-jar)."""

import pytest

from mentoring.models import Goal, SessionNote, Status
from tests.factories import make_partner
from tests.mentoring.helpers import make_mentor, make_mentorship
from tests.public.vnu import html_errors

pytestmark = pytest.mark.django_db


def test_every_mentoring_page_is_valid_html(client, mentee, mentor):
    active = make_mentorship(mentee, make_mentor("sokha"), status=Status.ACTIVE)
    Goal.objects.create(mentorship=active, author=mentee, text="A goal")
    SessionNote.objects.create(mentorship=active, author=mentee, met_on="2026-11-01", text="A note")
    completed = make_mentorship(mentee, make_mentor("rania"), status=Status.COMPLETED)
    waiting = make_mentorship(make_partner("asker"), mentor)
    pages = {}
    for prefix in ("", "/ar"):
        client.force_login(mentee)
        for path in (
            "/mentors/",
            "/mentors/?theme=nope",
            f"/mentors/{mentor.pk}/",
            "/mentoring/",
            "/mentoring/offer/",
            "/mentoring/find/",
            f"/mentoring/{active.pk}/",
            f"/mentoring/{completed.pk}/",
            "/accounts/",
        ):
            pages[prefix + path] = client.get(prefix + path).content.decode()
        pages[prefix + " offer with errors"] = client.post(prefix + "/mentoring/offer/", {}).content.decode()
        client.force_login(mentor.user)
        pages[prefix + " answer form"] = client.get(f"{prefix}/mentoring/{waiting.pk}/").content.decode()
    errors = html_errors(pages)
    assert not errors, "\n".join(f"{name}:\n  " + "\n  ".join(messages) for name, messages in errors.items())
