"""The admin form of toolkits and guides: what each role may do through it, and what it refuses."""

from datetime import timedelta

import pytest
from django.utils import timezone

from library.models import Resource, StatusChange
from library.models.resources import Status
from tests.factories import make_resource
from tests.publishing.admin_posts import add_url, change_url, resource_fields

pytestmark = pytest.mark.django_db


def test_an_editor_writes_a_draft_and_is_recorded_as_its_author(editor_client, editor):
    response = editor_client.post(add_url(), resource_fields(new_tags="Election observation, Youth"))
    assert response.status_code == 302
    resource = Resource.objects.get(slug="observing-elections")
    assert resource.status == Status.DRAFT
    assert resource.created_by == editor and resource.updated_by == editor
    assert sorted(resource.tags.names()) == ["Election observation", "Youth"]


def test_an_editor_who_posts_a_status_and_a_publication_time_still_saves_a_draft(editor_client):
    data = resource_fields(status="published", published_at_0="2020-01-01", published_at_1="10:00")
    assert editor_client.post(add_url(), data).status_code == 302
    resource = Resource.objects.get(slug="observing-elections")
    assert resource.status == Status.DRAFT
    assert resource.published_at is None


def test_an_editor_submits_a_draft_for_review_from_the_form(editor_client, editor):
    draft = make_resource(status=Status.DRAFT, published_at=None)
    response = editor_client.post(change_url(draft), resource_fields(draft, _transition="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    move = StatusChange.objects.get(resource=draft)
    assert (move.from_status, move.to_status, move.by) == (Status.DRAFT, Status.REVIEW, editor)


def test_an_editor_cannot_publish_from_the_form_and_nothing_of_the_post_is_saved(editor_client):
    in_review = make_resource(status=Status.REVIEW, published_at=None, title="Before")
    response = editor_client.post(
        change_url(in_review), resource_fields(in_review, title="After", _transition="publish")
    )
    assert response.status_code == 403
    in_review.refresh_from_db()
    assert (in_review.status, in_review.title) == (Status.REVIEW, "Before")
    assert not StatusChange.objects.exists()


def test_an_editor_cannot_change_a_published_resource(editor_client):
    published = make_resource(title="Public text")
    response = editor_client.post(change_url(published), resource_fields(published, title="Changed"))
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title == "Public text"


def test_an_editor_sees_a_published_resource_read_only(editor_client):
    published = make_resource()
    response = editor_client.get(change_url(published))
    assert response.status_code == 200
    assert b'name="title"' not in response.content
    assert b'name="_transition"' not in response.content


def test_an_editor_is_offered_only_the_moves_of_an_editor(editor_client):
    draft = make_resource(status=Status.DRAFT, published_at=None)
    content = editor_client.get(change_url(draft)).content.decode()
    assert 'value="submit"' in content
    assert 'value="publish"' not in content
    assert 'name="published_at_0"' not in content


def test_a_publisher_publishes_now_from_the_form(publisher_client, publisher):
    in_review = make_resource(status=Status.REVIEW, published_at=None)
    response = publisher_client.post(change_url(in_review), resource_fields(in_review, _transition="publish"))
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.is_public
    assert StatusChange.objects.get(resource=in_review).by == publisher


def test_a_publisher_schedules_by_publishing_with_a_future_time(publisher_client):
    in_review = make_resource(status=Status.REVIEW, published_at=None)
    when = timezone.now() + timedelta(days=3)
    data = resource_fields(
        in_review,
        published_at_0=when.strftime("%Y-%m-%d"),
        published_at_1=when.strftime("%H:%M:%S"),
        _transition="publish",
    )
    response = publisher_client.post(change_url(in_review), data, follow=True)
    in_review.refresh_from_db()
    assert in_review.is_scheduled
    assert "Scheduled" in response.content.decode()
    assert not Resource.objects.published().filter(pk=in_review.pk).exists()


def test_a_publisher_may_not_skip_review(publisher_client):
    draft = make_resource(status=Status.DRAFT, published_at=None)
    response = publisher_client.post(change_url(draft), resource_fields(draft, _transition="publish"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_publisher_changes_a_published_resource(publisher_client):
    published = make_resource(title="Old title")
    response = publisher_client.post(change_url(published), resource_fields(published, title="New title"))
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == "New title" and published.is_public


def test_a_superuser_makes_every_move(client, superuser):
    client.force_login(superuser)
    resource = make_resource(status=Status.DRAFT, published_at=None)
    for move, state in [
        ("submit", Status.REVIEW),
        ("publish", Status.PUBLISHED),
        ("archive", Status.ARCHIVED),
    ]:
        resource.refresh_from_db()
        assert (
            client.post(change_url(resource), resource_fields(resource, _transition=move)).status_code == 302
        )
        resource.refresh_from_db()
        assert resource.status == state


def test_an_unknown_move_is_refused(publisher_client):
    draft = make_resource(status=Status.DRAFT, published_at=None)
    response = publisher_client.post(change_url(draft), resource_fields(draft, _transition="teleport"))
    assert response.status_code == 403


def test_save_and_preview_opens_the_preview(editor_client):
    response = editor_client.post(add_url(), resource_fields(_preview="1"))
    resource = Resource.objects.get(slug="observing-elections")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/preview/{resource.pk}/")


def test_view_on_site_points_to_the_preview_until_the_resource_is_public(publisher_client):
    draft = make_resource(status=Status.DRAFT, published_at=None)
    published = make_resource()
    assert f"/preview/{draft.pk}/" in publisher_client.get(change_url(draft)).content.decode()
    assert published.get_absolute_url() in publisher_client.get(change_url(published)).content.decode()


def test_someone_without_a_staff_role_cannot_open_the_admin_form(client, visitor):
    client.force_login(visitor)
    response = client.post(add_url(), resource_fields())
    assert response.status_code == 302  # to the admin login
    assert not Resource.objects.exists()
