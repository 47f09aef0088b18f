"""The admin report: requests by theme and region, time to first answer, active and completed; CSV."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from mentoring.models import Mentorship, Status
from tests.factories import make_partner
from tests.mentoring.helpers import make_mentor, make_mentorship

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("root", "root@fund.example", "pw-long-enough")
    )
    return client


@pytest.fixture
def requests_made(mentee):
    mentor = make_mentor("m", name='=HYPERLINK("http://evil")', capacity=5)
    asked = timezone.now() - timedelta(days=10)
    rows = [
        (Status.ACTIVE, "electoral-processes", "africa", 2),
        (Status.COMPLETED, "electoral-processes", "americas", 4),
        (Status.DECLINED, "youth-engagement", "africa", 6),
        (Status.REQUESTED, "youth-engagement", "asia", None),
    ]
    for status, theme, region, hours in rows:
        m = make_mentorship(make_partner(f"p{status}"), mentor, status=status, theme=theme, region=region)
        Mentorship.objects.filter(pk=m.pk).update(
            created_at=asked, answered_at=asked + timedelta(hours=hours) if hours else None
        )
    return mentor


def test_the_report_counts_what_the_fund_reports_on(admin_client, requests_made):
    response = admin_client.get("/admin/mentoring/mentorship/report/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["total"] == 4 and figures["active"] == 1 and figures["completed"] == 1
    assert dict(figures["by_theme"]) == {"Electoral processes": 2, "Youth engagement": 2}
    assert {str(k): v for k, v in figures["by_region"]} == {"Africa": 2, "Americas": 1, "Asia": 1}
    assert figures["answered"] == 3 and figures["median_hours_to_answer"] == 4.0


def test_the_report_takes_a_period_and_refuses_a_bad_one(admin_client, requests_made):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert (
        admin_client.get("/admin/mentoring/mentorship/report/", {"since": tomorrow}).context["figures"][
            "total"
        ]
        == 0
    )
    response = admin_client.get("/admin/mentoring/mentorship/report/", {"since": "2026-13-45"})
    assert response.status_code == 400
    response = admin_client.get(
        "/admin/mentoring/mentorship/report/", {"since": "2026-02-01", "until": "2026-01-01"}
    )
    assert response.status_code == 400
    assert admin_client.get("/admin/mentoring/mentorship/report/", {"until": "9999-12-31"}).status_code == 200


def test_the_report_and_the_list_export_as_formula_safe_csv(admin_client, requests_made):
    response = admin_client.get("/admin/mentoring/mentorship/report/", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["section", "label", "value"]
    assert ["status", "Active", "1"] in rows and ["region", "Africa", "2"] in rows

    ids = list(Mentorship.objects.values_list("pk", flat=True))
    response = admin_client.post(
        "/admin/mentoring/mentorship/", {"action": "export_csv", "_selected_action": ids}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 5
    mentor_column = rows[0].index("mentor")
    assert all(row[mentor_column].startswith("'=") for row in rows[1:])  # neutralised
    text = response.content.decode("utf-8-sig")
    assert "@" not in text  # no e-mail addresses
    assert "Train forty" not in text  # and no goals


def test_the_report_needs_the_view_permission(client, staff):
    client.force_login(staff)
    assert client.get("/admin/mentoring/mentorship/report/").status_code == 403
