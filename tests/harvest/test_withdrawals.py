"""The record of resources that stopped being public, which OAI-PMH reports as deleted: written
for every way a public resource leaves public view, never for one that was never public, and
no longer counted once the resource is public again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from harvest.models import Withdrawal
from harvest.records import Selection, page
from library import workflow
from library.models import Resource
from tests.factories import make_case_study, make_resource, make_staff

pytestmark = pytest.mark.django_db


def deleted_ids():
    records, _more = page(Selection(), 0, 1000, with_metadata=False)
    return [record.resource_id for record in records if record.deleted]


@pytest.fixture
def publisher(db):
    from library.roles import PUBLISHERS

    return make_staff("a-publisher", PUBLISHERS)


@pytest.mark.parametrize("move", ["unpublish", "archive"])
def test_a_workflow_move_out_of_public_view_is_recorded(publisher, move):
    resource = make_resource(themes=["youth-engagement"])

    workflow.apply(resource, move, publisher)

    withdrawal = Withdrawal.objects.get(resource_id=resource.pk)
    assert withdrawal.set_specs == " kind:guide theme:youth-engagement "
    assert not withdrawal.deleted
    assert timezone.now() - withdrawal.withdrawn_at < timedelta(seconds=5)
    assert deleted_ids() == [resource.pk]


def test_rescheduling_into_the_future_withdraws(db):
    resource = make_resource()
    resource.published_at = timezone.now() + timedelta(days=7)
    resource.save()

    assert deleted_ids() == [resource.pk]


@pytest.mark.parametrize("factory", [make_resource, make_case_study])
def test_deleting_a_public_resource_is_recorded(factory):
    resource = factory(themes=["electoral-processes"])
    pk = resource.pk

    resource.delete()

    withdrawal = Withdrawal.objects.get(resource_id=pk)
    assert withdrawal.deleted
    assert "theme:electoral-processes" in withdrawal.set_specs
    assert deleted_ids() == [pk]


def test_a_bulk_delete_records_each_public_one(db):
    public = [make_resource() for _ in range(3)]
    make_resource(status="draft")

    Resource.objects.all().delete()

    assert sorted(deleted_ids()) == sorted(r.pk for r in public)


def test_deleting_after_withdrawal_keeps_the_first_date(publisher):
    resource = make_resource()
    workflow.apply(resource, "archive", publisher)
    first = Withdrawal.objects.get(resource_id=resource.pk).withdrawn_at
    pk = resource.pk

    Resource.objects.get(pk=pk).delete()

    withdrawal = Withdrawal.objects.get(resource_id=pk)
    assert withdrawal.withdrawn_at == first
    assert withdrawal.deleted


@pytest.mark.parametrize("status", ["draft", "review", "archived"])
def test_a_resource_never_public_leaves_nothing(status):
    resource = make_resource(status=status)
    resource.title = "Edited"
    resource.save()
    resource.delete()

    scheduled = make_resource(published_at=timezone.now() + timedelta(days=2))
    scheduled.published_at = timezone.now() + timedelta(days=3)
    scheduled.save()
    scheduled.delete()

    assert not Withdrawal.objects.exists()


def test_saving_a_public_resource_leaves_nothing(db):
    resource = make_resource()
    resource.title = "New title"
    resource.save()

    assert not Withdrawal.objects.exists()


def test_republishing_takes_the_record_back(publisher):
    resource = make_resource()
    workflow.apply(resource, "unpublish", publisher)
    assert deleted_ids() == [resource.pk]
    workflow.apply(resource, "submit", publisher)
    workflow.apply(resource, "publish", publisher)

    assert deleted_ids() == []
    assert not Withdrawal.objects.exists()


def test_a_withdrawn_resource_scheduled_again_is_live_once_its_time_comes(publisher):
    import time_machine

    resource = make_resource()
    workflow.apply(resource, "unpublish", publisher)
    workflow.apply(resource, "submit", publisher)
    due = timezone.now() + timedelta(days=1)
    workflow.apply(resource, "publish", publisher, at=due)
    assert deleted_ids() == [resource.pk]  # still out of public view

    with time_machine.travel(due + timedelta(minutes=1)):
        records, _more = page(Selection(), 0, 10, with_metadata=False)

    assert [(r.resource_id, r.deleted) for r in records] == [(resource.pk, False)]


def test_a_rolled_back_change_records_nothing(db):
    from django.db import transaction

    resource = make_resource()
    with pytest.raises(RuntimeError), transaction.atomic():
        resource.status = "draft"
        resource.save()
        raise RuntimeError

    assert not Withdrawal.objects.exists()


def test_a_save_of_counters_alone_checks_nothing(db, django_assert_num_queries):
    resource = make_resource()
    resource.download_count = 5
    with django_assert_num_queries(1):
        resource.save(update_fields=["download_count"])
