"""Staff manage partner organisations and memberships, and read download statistics (on screen and CSV)."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from library.models import DownloadLog, Membership, PartnerOrganisation
from tests.factories import make_file, make_organisation, make_partner, make_toolkit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("boss", is_staff=True, is_superuser=True))
    return client


def log(resource_file, *, user=None, organisation=None, days_ago=0, count=1):
    for _ in range(count):
        DownloadLog.objects.create(
            file=resource_file,
            resource=resource_file.resource,
            user=user,
            organisation=organisation,
            time=timezone.now() - timedelta(days=days_ago),
        )


@pytest.fixture
def history():
    """Two resources, two organisations, some anonymous downloads, one of them long ago."""
    elections = make_toolkit(title="Observing elections")
    media = make_toolkit(title='=HYPERLINK("http://evil")')
    civic, youth = make_organisation("Civic Futures"), make_organisation("Youth Voice")
    ana = make_partner("ana", organisation=civic)
    ben = make_partner("ben", organisation=civic)
    cleo = make_partner("cleo", organisation=youth)
    election_file, media_file = make_file(elections), make_file(media)
    log(election_file, user=ana, organisation=civic, count=2)
    log(election_file, user=ben, organisation=civic)
    log(election_file, count=3)
    log(media_file, user=cleo, organisation=youth)
    log(media_file, user=cleo, organisation=youth, days_ago=400)
    return {"elections": elections, "media": media}


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_staff_see_downloads_per_resource(admin_client, history):
    url = reverse("admin:library_downloadlog_statistics", args=["resources"])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["rows"][0][:1] == ["Observing elections"]
    assert response.context["rows"][0][3:] == [6, 3, 2]


def test_staff_export_downloads_per_resource_as_csv_with_formulas_defused(admin_client, history):
    url = reverse("admin:library_downloadlog_statistics", args=["resources"])
    rows = read_csv(admin_client.get(url, {"format": "csv"}))
    assert rows[0] == ["Resource", "Slug", "Kind", "Downloads", "By partners", "Signed-in people"]
    assert rows[1][0] == "Observing elections" and rows[1][3:] == ["6", "3", "2"]
    assert rows[2][0] == '\'=HYPERLINK("http://evil")' and rows[2][3:] == ["2", "2", "1"]


def test_staff_export_downloads_per_organisation_for_a_period(admin_client, history):
    url = reverse("admin:library_downloadlog_statistics", args=["organisations"])
    since = (timezone.now() - timedelta(days=30)).date().isoformat()
    rows = read_csv(admin_client.get(url, {"format": "csv", "since": since}))
    assert rows == [
        ["Organisation", "Downloads", "People", "Resources"],
        ["Civic Futures", "3", "2", "1"],
        ["Youth Voice", "1", "1", "1"],
    ]


def test_a_backwards_period_is_a_400_with_a_message(admin_client, history):
    url = reverse("admin:library_downloadlog_statistics", args=["organisations"])
    response = admin_client.get(url, {"since": "2026-02-01", "until": "2026-01-01", "format": "csv"})
    assert response.status_code == 400
    assert b"The period must start before it ends." in response.content
    response = admin_client.get(url, {"since": "not-a-date"})
    assert response.status_code == 400


def test_a_period_to_the_last_day_there_is_counts_everything_since_its_start(admin_client, history):
    url = reverse("admin:library_downloadlog_statistics", args=["organisations"])
    rows = read_csv(admin_client.get(url, {"since": "0001-01-01", "until": "9999-12-31", "format": "csv"}))
    assert sum(int(row[1]) for row in rows[1:]) == 5


def test_an_unknown_report_is_404(admin_client):
    assert (
        admin_client.get(reverse("admin:library_downloadlog_statistics", args=["people"])).status_code == 404
    )


def test_statistics_are_for_staff_who_may_view_the_log(client, history):
    url = reverse("admin:library_downloadlog_statistics", args=["resources"])
    assert client.get(url).status_code == 302  # to the admin sign-in
    editor = make_user("editor", is_staff=True)
    client.force_login(editor)
    assert client.get(url).status_code == 403
    editor.user_permissions.add(Permission.objects.get(codename="view_downloadlog"))
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_staff_add_an_organisation_with_a_member(admin_client):
    member = make_user("new-member")
    response = admin_client.post(
        reverse("admin:library_partnerorganisation_add"),
        {
            "name": "Rule of Law Circle",
            "country": "KE",
            "contact_name": "A. Person",
            "contact_email": "circle@example.org",
            "active": "on",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-user": str(member.pk),
            "memberships-0-started_0": "2026-01-01",
            "memberships-0-started_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    organisation = PartnerOrganisation.objects.get(name="Rule of Law Circle")
    assert list(organisation.memberships.values_list("user__username", flat=True)) == ["new-member"]


def test_staff_end_memberships_and_deactivate_organisations_from_the_lists(
    admin_client, partner, organisation
):
    admin_client.post(
        reverse("admin:library_membership_changelist"),
        {"action": "end_now", "_selected_action": [str(m.pk) for m in Membership.objects.all()]},
    )
    assert Membership.objects.get(user=partner).ended is not None
    admin_client.post(
        reverse("admin:library_partnerorganisation_changelist"),
        {"action": "deactivate", "_selected_action": [str(organisation.pk)]},
    )
    organisation.refresh_from_db()
    assert not organisation.active


def test_the_admin_lists_answer(admin_client, history):
    for name in ("partnerorganisation", "membership", "downloadlog"):
        assert admin_client.get(reverse(f"admin:library_{name}_changelist")).status_code == 200
    assert (
        admin_client.get(reverse("admin:library_membership_changelist"), {"current": "yes"}).status_code
        == 200
    )


def test_the_lists_count_and_filter_only_current_memberships(admin_client, partner, organisation):
    now = timezone.now()
    for name, started, ended in (
        ("former", now - timedelta(days=9), now - timedelta(days=1)),
        ("future", now + timedelta(days=1), None),
    ):
        Membership.objects.create(
            user=make_user(name), organisation=organisation, started=started, ended=ended
        )
    organisations = admin_client.get(reverse("admin:library_partnerorganisation_changelist"))
    assert [o.member_count for o in organisations.context["cl"].result_list] == [1]
    memberships = reverse("admin:library_membership_changelist")
    listed = {
        value: {
            m.user.username
            for m in admin_client.get(memberships, {"current": value}).context["cl"].result_list
        }
        for value in ("yes", "no")
    }
    assert listed == {"yes": {"partner"}, "no": {"former", "future"}}
