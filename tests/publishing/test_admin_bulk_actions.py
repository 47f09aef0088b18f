"""Bulk actions on the resource and case-study lists respect each role's permissions."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from library.models import Resource, StatusChange
from library.models.resources import Status
from tests.factories import make_case_study, make_resource
from tests.publishing.admin_posts import changelist_url

pytestmark = pytest.mark.django_db


def run_action(client, action, resources, model="resource"):
    data = {"action": action, ACTION_CHECKBOX_NAME: [str(r.pk) for r in resources], "index": "0"}
    return client.post(changelist_url(model), data, follow=True)


def test_an_editor_is_not_offered_the_publishers_actions(editor_client):
    make_resource()
    content = editor_client.get(changelist_url()).content.decode()
    assert 'value="submit_for_review"' in content
    for action in ("publish_now", "unpublish", "archive"):
        assert f'value="{action}"' not in content


@pytest.mark.parametrize("action", ["publish_now", "unpublish", "archive"])
def test_an_editor_posting_a_publishers_action_directly_changes_nothing(editor_client, action):
    in_review = make_resource(status=Status.REVIEW, published_at=None)
    published = make_resource()
    run_action(editor_client, action, [in_review, published])
    assert Resource.objects.get(pk=in_review.pk).status == Status.REVIEW
    assert Resource.objects.get(pk=published.pk).status == Status.PUBLISHED
    assert not StatusChange.objects.exists()


def test_an_editor_submits_drafts_in_bulk(editor_client, editor):
    drafts = [make_resource(status=Status.DRAFT, published_at=None) for _ in range(3)]
    response = run_action(editor_client, "submit_for_review", drafts)
    assert "3 resources moved" in response.content.decode()
    assert set(Resource.objects.values_list("status", flat=True)) == {Status.REVIEW}
    assert StatusChange.objects.filter(by=editor).count() == 3


def test_a_publisher_publishes_in_bulk_and_hears_what_was_left(publisher_client):
    in_review = make_resource(status=Status.REVIEW, published_at=None)
    draft = make_resource(status=Status.DRAFT, published_at=None)
    response = run_action(publisher_client, "publish_now", [in_review, draft])
    content = response.content.decode()
    assert "1 resource moved" in content and "1 resource was left as it was" in content
    assert Resource.objects.get(pk=in_review.pk).is_public
    assert Resource.objects.get(pk=draft.pk).status == Status.DRAFT


def test_a_publisher_archives_and_unpublishes_in_bulk(publisher_client):
    one, two = make_resource(), make_resource()
    run_action(publisher_client, "archive", [one])
    run_action(publisher_client, "unpublish", [two])
    assert Resource.objects.get(pk=one.pk).status == Status.ARCHIVED
    assert Resource.objects.get(pk=two.pk).status == Status.DRAFT


def test_bulk_actions_work_on_case_studies_too(publisher_client):
    case = make_case_study(status=Status.REVIEW, published_at=None)
    run_action(publisher_client, "publish_now", [case], model="casestudy")
    case.refresh_from_db()
    assert case.is_public


def test_the_resource_list_filters_by_state_including_scheduled(publisher_client):
    from datetime import timedelta

    from django.utils import timezone

    scheduled = make_resource(title="Later", published_at=timezone.now() + timedelta(days=2))
    make_resource(title="Now")
    content = publisher_client.get(changelist_url() + "?state=scheduled").content.decode()
    assert scheduled.title in content and ">Now<" not in content


@pytest.mark.parametrize("model", ["resource", "casestudy"])
def test_a_selection_that_is_not_an_id_is_answered_400_and_moves_nothing(publisher_client, model):
    in_review = (make_case_study if model == "casestudy" else make_resource)(
        status=Status.REVIEW, published_at=None
    )
    data = {"action": "publish_now", ACTION_CHECKBOX_NAME: [str(in_review.pk), "abc"], "index": "0"}
    assert publisher_client.post(changelist_url(model), data).status_code == 400
    assert Resource.objects.get(pk=in_review.pk).status == Status.REVIEW
