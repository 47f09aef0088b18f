"""The state machine: the allowed moves only, by the allowed people, each one recorded."""

from datetime import timedelta

import pytest
import reversion
from django.utils import timezone
from reversion.models import Version

from library import workflow
from library.models import Resource, StatusChange
from library.models.resources import Status
from tests.factories import make_case_study, make_resource

pytestmark = pytest.mark.django_db

ALL_MOVES = {
    ("submit", Status.DRAFT): Status.REVIEW,
    ("return_to_draft", Status.REVIEW): Status.DRAFT,
    ("publish", Status.REVIEW): Status.PUBLISHED,
    ("unpublish", Status.PUBLISHED): Status.DRAFT,
    ("archive", Status.PUBLISHED): Status.ARCHIVED,
    ("reopen", Status.ARCHIVED): Status.DRAFT,
}


@pytest.mark.parametrize("name", sorted(workflow.TRANSITIONS))
@pytest.mark.parametrize("start", [s.value for s in Status])
def test_each_move_is_allowed_from_its_own_states_only(name, start, superuser):
    resource = make_resource(status=start, published_at=timezone.now() - timedelta(days=1))
    if (name, start) in ALL_MOVES:
        workflow.apply(resource, name, superuser)
        resource.refresh_from_db()
        assert resource.status == ALL_MOVES[(name, start)]
    else:
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.apply(resource, name, superuser)
        resource.refresh_from_db()
        assert resource.status == start
        assert not StatusChange.objects.exists()


@pytest.mark.parametrize("name", ["publish", "unpublish", "archive", "reopen"])
def test_an_editor_may_not_make_a_publishers_move(name, editor):
    source = next(start for (move, start) in ALL_MOVES if move == name)
    resource = make_resource(status=source)
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.apply(resource, name, editor)
    resource.refresh_from_db()
    assert resource.status == source


def test_an_editor_submits_and_withdraws(editor):
    resource = make_resource(status=Status.DRAFT, published_at=None)
    workflow.apply(resource, "submit", editor)
    assert resource.status == Status.REVIEW
    workflow.apply(resource, "return_to_draft", editor)
    assert Resource.objects.get(pk=resource.pk).status == Status.DRAFT


def test_someone_without_a_role_makes_no_move(visitor):
    resource = make_resource(status=Status.DRAFT, published_at=None)
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.apply(resource, "submit", visitor)


def test_every_move_records_who_and_when(publisher):
    resource = make_resource(status=Status.REVIEW, published_at=None)
    before = timezone.now()
    change = workflow.apply(resource, "publish", publisher)
    assert change.by == publisher
    assert change.from_status == Status.REVIEW and change.to_status == Status.PUBLISHED
    assert before <= change.at <= timezone.now()
    assert change.published_at == resource.published_at
    assert list(workflow.history(resource)) == [change]


def test_publishing_without_a_time_publishes_now(publisher):
    resource = make_resource(status=Status.REVIEW, published_at=None)
    workflow.apply(resource, "publish", publisher)
    assert Resource.objects.published().filter(pk=resource.pk).exists()


def test_publishing_with_a_future_time_schedules(publisher):
    resource = make_resource(status=Status.REVIEW, published_at=None)
    when = timezone.now() + timedelta(hours=5)
    workflow.apply(resource, "publish", publisher, at=when)
    resource.refresh_from_db()
    assert resource.is_scheduled and resource.published_at == when
    assert list(Resource.objects.scheduled()) == [resource]


def test_each_move_keeps_a_revision_with_its_author_and_name(publisher):
    resource = make_resource(status=Status.REVIEW, published_at=None)
    workflow.apply(resource, "publish", publisher)
    version = Version.objects.get_for_object(resource).first()
    assert version.revision.user == publisher
    assert version.revision.comment == "Publish"
    assert version.field_dict["status"] == Status.PUBLISHED


def test_a_move_on_a_case_study_keeps_its_own_fields_in_the_revision(publisher):
    case = make_case_study(status=Status.REVIEW, published_at=None)
    workflow.apply(case, "publish", publisher)
    version = Version.objects.get_for_object(case).first()
    assert version.field_dict["organisation"] == "Forum for Civic Action"


def test_a_bulk_move_moves_what_it_may_and_counts_the_rest(publisher):
    in_review = [make_resource(status=Status.REVIEW, published_at=None) for _ in range(2)]
    draft = make_resource(status=Status.DRAFT, published_at=None)
    moved, skipped = workflow.apply_to_many(Resource.objects.all(), "publish", publisher)
    assert (moved, skipped) == (2, 1)
    assert Resource.objects.get(pk=draft.pk).status == Status.DRAFT
    assert all(Resource.objects.get(pk=r.pk).is_public for r in in_review)


def test_a_bulk_move_by_someone_who_may_not_make_it_is_refused_whole(editor):
    in_review = make_resource(status=Status.REVIEW, published_at=None)
    with pytest.raises(workflow.TransitionNotAllowed, match="You may not publish"):
        workflow.apply_to_many(Resource.objects.all(), "publish", editor)
    assert Resource.objects.get(pk=in_review.pk).status == Status.REVIEW


def test_available_moves_depend_on_the_state_and_the_role(editor, publisher):
    in_review = make_resource(status=Status.REVIEW, published_at=None)
    assert [t.name for t in workflow.available(in_review, editor)] == ["return_to_draft"]
    assert [t.name for t in workflow.available(in_review, publisher)] == ["return_to_draft", "publish"]


def test_reversion_is_on_for_resources():
    assert reversion.is_registered(Resource)
