"""The staff dashboard on the admin index."""

from datetime import timedelta

import pytest
from django.utils import timezone

from library import workflow
from library.models.resources import Status
from tests.factories import make_case_study, make_resource

pytestmark = pytest.mark.django_db


def test_it_lists_what_waits_for_review_what_is_scheduled_and_recent_changes(publisher_client, publisher):
    make_case_study(title="Radio in Mali", status=Status.REVIEW, published_at=None)
    make_resource(title="Ballot guide", published_at=timezone.now() + timedelta(days=2))
    make_resource(title="Old draft", status=Status.DRAFT, published_at=None)
    moved = make_resource(title="Moved today", status=Status.REVIEW, published_at=None)
    workflow.apply(moved, "publish", publisher)
    response = publisher_client.get("/admin/")
    content = response.content.decode()
    review, scheduled, recent = (
        content.split('id="dashboard-review"')[1].split('id="dashboard-scheduled"')[0],
        content.split('id="dashboard-scheduled"')[1].split('id="dashboard-recent"')[0],
        content.split('id="dashboard-recent"')[1],
    )
    assert "Radio in Mali" in review and "Waiting for review (1)" in review
    assert "/admin/casestudies/casestudy/" in review
    assert "Ballot guide" in scheduled and "Radio in Mali" not in scheduled
    assert "Moved today" in recent and "publisher" in recent and "Publish" in recent
    assert "Old draft" not in review and "Old draft" not in scheduled


def test_it_has_no_inline_style_or_script(publisher_client):
    make_resource(status=Status.REVIEW, published_at=None)
    content = publisher_client.get("/admin/").content.decode()
    dashboard = content.split('id="dashboard-review"')[1].split("app-library")[0]
    assert "style=" not in dashboard and "<script" not in dashboard


def test_staff_without_a_role_see_no_dashboard(client, staff):
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "dashboard-review" not in response.content.decode()
