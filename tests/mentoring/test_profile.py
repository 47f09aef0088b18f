"""Offering to mentor from /accounts/, and staff approving, pausing and removing mentors."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from mentoring.admin import MentorProfileAdmin
from mentoring.models import MentorProfile, ProfileStatus
from tests.mentoring.helpers import make_mentor

pytestmark = pytest.mark.django_db

VALID = {
    "display_name": "Paulo Mentee",
    "biography": "Ten years of **community radio**.",
    "themes": ["community-activism"],
    "regions": ["eastern-africa"],
    "countries": ["KE", "UG"],
    "languages": ["en", "sw"],
    "years_of_experience": "10",
    "capacity": "2",
    "accepting": "on",
}


def theme_ids(slugs):
    from library.models import Theme

    return [str(pk) for pk in Theme.objects.filter(slug__in=slugs).values_list("pk", flat=True)]


def data(**changes):
    values = {**VALID, **changes}
    values["themes"] = theme_ids(values["themes"])
    return values


def test_the_account_page_offers_partners_to_mentor_and_tells_visitors_nothing(client, mentee, visitor):
    client.force_login(mentee)
    page = client.get("/accounts/").content.decode()
    assert "Offer to mentor" in page and "/mentoring/offer/" in page
    client.force_login(visitor)
    page = client.get("/accounts/").content.decode()
    assert "/mentoring/offer/" not in page
    assert client.get("/mentoring/offer/").status_code == 403


def test_a_partner_offers_and_the_profile_waits_for_approval(client, mentee):
    client.force_login(mentee)
    response = client.post("/fr/mentoring/offer/", data())
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=mentee)
    assert profile.status == ProfileStatus.PENDING
    assert profile.language == "fr"  # the interface language, for mail
    assert profile.language_codes == ["en", "sw"]
    assert set(profile.region_index.values_list("region", flat=True)) == {
        "eastern-africa",
        "sub-saharan-africa",
        "africa",
    }
    client.force_login(mentee)
    assert client.get("/mentors/").context["page_obj"].paginator.count == 0  # not listed yet
    page = client.get("/accounts/").content.decode()
    assert "Waiting for approval" in page


@pytest.mark.parametrize(
    "changes",
    [
        {"capacity": "0"},
        {"capacity": "11"},
        {"years_of_experience": "-1"},
        {"languages": ["xx"]},
        {"regions": ["atlantis"]},
        {"countries": ["ZZ"]},
        {"themes": []},
        {"biography": ""},
        {"display_name": "x" * 200},
        {"display_name": "me@example.org"},
    ],
)
def test_bad_input_is_a_400_with_the_reason_and_saves_nothing(client, mentee, changes):
    client.force_login(mentee)
    response = client.post("/mentoring/offer/", data(**changes))
    assert response.status_code == 400
    assert 'class="field-errors"' in response.content.decode()
    assert not MentorProfile.objects.exists()


def test_a_mentor_changes_their_profile_and_stays_approved(client, mentor):
    client.force_login(mentor.user)
    response = client.post("/mentoring/offer/", data(display_name="Lucía Q.", accepting=""))
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert (mentor.display_name, mentor.accepting, mentor.status) == (
        "Lucía Q.",
        False,
        ProfileStatus.APPROVED,
    )


def test_a_removed_mentor_cannot_put_the_profile_back(client, mentor):
    mentor.status = ProfileStatus.REMOVED
    mentor.save()
    client.force_login(mentor.user)
    assert client.post("/mentoring/offer/", data()).status_code == 403
    mentor.refresh_from_db()
    assert mentor.status == ProfileStatus.REMOVED


def admin_request(user):
    request = RequestFactory().post("/admin/mentoring/mentorprofile/")
    request.user = user
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    return request


def test_staff_approval_lists_the_mentor_and_mails_them_in_their_language(
    client, mentee, run_worker, mailoutbox, django_user_model
):
    profile = make_mentor("aminata", status=ProfileStatus.PENDING, language="fr")
    admin_user = django_user_model.objects.create_superuser("boss", "boss@fund.example", "pw-long-enough")
    model_admin = MentorProfileAdmin(MentorProfile, site)
    model_admin.approve(admin_request(admin_user), MentorProfile.objects.filter(pk=profile.pk))
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.APPROVED and profile.reviewed_by == admin_user
    run_worker()
    assert [m.to for m in mailoutbox] == [["aminata@mentors.example"]]
    assert "approuvé" in mailoutbox[0].subject
    assert f"http://testserver/fr/mentors/{profile.pk}/" in mailoutbox[0].body
    client.force_login(mentee)
    assert client.get("/mentors/").context["page_obj"].paginator.count == 1

    model_admin.pause(admin_request(admin_user), MentorProfile.objects.filter(pk=profile.pk))
    assert client.get("/mentors/").context["page_obj"].paginator.count == 0
    run_worker()
    assert len(mailoutbox) == 1  # pausing mails nobody


def test_the_approve_action_through_the_admin_needs_the_change_permission(client, staff, mentor):
    mentor.status = ProfileStatus.PENDING
    mentor.save()
    client.force_login(staff)  # staff without mentoring permissions
    response = client.post(
        "/admin/mentoring/mentorprofile/", {"action": "approve", "_selected_action": [mentor.pk]}
    )
    assert response.status_code == 403
    mentor.refresh_from_db()
    assert mentor.status == ProfileStatus.PENDING
