"""Review dates: set on publication from the kind's period, listed on the admin index when due
or overdue, filtered in the list, and "mark as reviewed" records who and when in the history."""

import datetime
from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone
from reversion.models import Version

from library import reviews, workflow
from library.models import Resource
from library.models.resources import Kind, Status
from tests.factories import make_case_study, make_resource
from tests.publishing.admin_posts import changelist_url

pytestmark = pytest.mark.django_db


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert reviews.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert reviews.add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert reviews.add_months(datetime.date(2026, 11, 15), 14) == datetime.date(2028, 1, 15)


def test_publishing_sets_the_first_review_date_from_the_kinds_period(publisher, settings):
    settings.LIBRARY_REVIEW_MONTHS = {"toolkit": 12, "guide": 24, "case-study": 36}
    at = timezone.now().replace(year=2026, month=3, day=10)
    toolkit = make_resource(kind=Kind.TOOLKIT, status=Status.REVIEW, published_at=None)
    case_study = make_case_study(status=Status.REVIEW, published_at=None)
    assert toolkit.review_by is None

    workflow.apply(toolkit, "publish", publisher, at=at)
    workflow.apply(case_study, "publish", publisher, at=at)

    assert Resource.objects.get(pk=toolkit.pk).review_by == datetime.date(2027, 3, 10)
    assert Resource.objects.get(pk=case_study.pk).review_by == datetime.date(2029, 3, 10)


def test_a_review_date_set_by_staff_is_kept_at_publication(publisher):
    chosen = datetime.date(2030, 1, 1)
    guide = make_resource(status=Status.REVIEW, published_at=None, review_by=chosen)
    workflow.apply(guide, "publish", publisher)
    assert Resource.objects.get(pk=guide.pk).review_by == chosen


def due_resources():
    today = timezone.localdate()
    return {
        "overdue": make_resource(title="Overdue guide", review_by=today - timedelta(days=40)),
        "this month": make_resource(title="Census guide", review_by=reviews.end_of_month(today)),
        "later": make_resource(title="Fine for now", review_by=today + timedelta(days=400)),
        "draft": make_resource(
            title="Draft overdue", status=Status.DRAFT, published_at=None, review_by=today - timedelta(days=9)
        ),
    }


def test_the_admin_index_lists_what_is_due_this_month_and_overdue(
    publisher_client, django_assert_max_num_queries
):
    due_resources()
    for number in range(12):
        make_resource(title=f"Old {number}", review_by=timezone.localdate() - timedelta(days=number + 1))

    with django_assert_max_num_queries(30):
        content = publisher_client.get("/admin/").content.decode()

    section = content.split('id="dashboard-reviews"')[1].split('id="dashboard-recent"')[0]
    assert "Due for review this month or overdue (14)" in section
    assert "13 overdue." in section
    assert "Overdue guide" in section
    assert "Fine for now" not in section and "Draft overdue" not in section
    assert section.count('value="mark_reviewed"') == 10, "the first ten, with a button each"
    assert "?review=due" in section
    assert "style=" not in section and "<script" not in section


def test_the_review_filter_of_the_list(publisher_client):
    resources = due_resources()
    due = publisher_client.get(changelist_url() + "?review=due").content.decode()
    overdue = publisher_client.get(changelist_url() + "?review=overdue").content.decode()
    assert "Overdue guide" in due and "Census guide" in due and "Fine for now" not in due
    assert "Overdue guide" in overdue and "Census guide" not in overdue
    assert (
        resources["later"].title
        not in publisher_client.get(changelist_url() + "?review=soon").content.decode()
    )
    # a value the filter does not offer is not a server error
    assert publisher_client.get(changelist_url() + "?review=%00%FF").status_code < 500


def test_mark_as_reviewed_from_the_index_records_who_and_when(publisher_client, publisher):
    resources = due_resources()
    overdue = resources["overdue"]
    data = {"action": "mark_reviewed", ACTION_CHECKBOX_NAME: [str(overdue.pk)]}

    response = publisher_client.post(changelist_url() + "?review=due", data, follow=True)

    assert "1 resource marked as reviewed." in response.content.decode()
    overdue.refresh_from_db()
    today = timezone.localdate()
    assert overdue.review_by == reviews.add_months(today, reviews.review_months(overdue.kind))
    assert overdue.reviewed_by == publisher and overdue.reviewed_at is not None
    latest = Version.objects.get_for_object(overdue).select_related("revision__user").first()
    assert latest.revision.user == publisher
    assert latest.revision.get_comment().startswith("Marked as reviewed; next review by")
    page = publisher_client.get("/admin/").content.decode()
    assert "Overdue guide" not in page.split('id="dashboard-reviews"')[1].split('id="dashboard-recent"')[0]


def test_a_case_study_is_marked_reviewed_with_its_own_fields_in_the_history(publisher_client):
    case_study = make_case_study(review_by=timezone.localdate() - timedelta(days=3))
    data = {"action": "mark_reviewed", ACTION_CHECKBOX_NAME: [str(case_study.pk)], "index": "0"}
    publisher_client.post(changelist_url(), data)
    latest = Version.objects.get_for_object(case_study).first()
    assert "lessons_learned" in latest.field_dict


def test_an_editor_may_not_mark_as_reviewed(editor_client):
    overdue = due_resources()["overdue"]
    before = overdue.review_by
    content = editor_client.get("/admin/").content.decode()
    assert 'value="mark_reviewed"' not in content
    data = {"action": "mark_reviewed", ACTION_CHECKBOX_NAME: [str(overdue.pk)], "index": "0"}
    editor_client.post(changelist_url(), data)
    overdue.refresh_from_db()
    assert overdue.review_by == before and overdue.reviewed_by is None
