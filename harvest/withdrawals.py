"""Signals that keep harvest.models.Withdrawal: a resource that was public and no longer is (a
save that unpublishes, archives or reschedules it, or its deletion) gets a row, in the same
transaction as the change; a resource saved public again loses its row.

Whether it *was* public is read from the database before the save, the one reliable source
(the admin form's object already holds the new values). Code that changes a resource's status
with `QuerySet.update()` or raw SQL skips these signals: it must call `record_withdrawal(ids)`.
"""

from django.db.models.signals import post_save, pre_delete, pre_save
from django.utils import timezone

from harvest.models import Withdrawal
from harvest.sets import specs_of, stored
from library.models import Resource
from library.models.counters import only_counters_saved

_WAS_PUBLIC = "_harvest_was_public"


def _public_in_database(pk) -> bool:
    return Resource.objects.published().filter(pk=pk).exists()


def _before_save(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Resource) or instance._state.adding or instance.pk is None:
        return
    if only_counters_saved(instance, update_fields) or instance.is_public:
        return  # only a save that leaves it not public can withdraw it
    setattr(instance, _WAS_PUBLIC, _public_in_database(instance.pk))


def _after_save(sender, instance, created=False, update_fields=None, **kwargs):
    if not isinstance(instance, Resource) or only_counters_saved(instance, update_fields):
        return
    if instance.is_public:
        if not created:
            Withdrawal.objects.filter(resource_id=instance.pk).delete()
    elif getattr(instance, _WAS_PUBLIC, False):
        record_withdrawal([instance.pk])
    instance.__dict__.pop(_WAS_PUBLIC, None)


def _before_delete(sender, instance, **kwargs):
    if not isinstance(instance, Resource) or instance.pk is None:
        return
    existing = Withdrawal.objects.filter(resource_id=instance.pk)
    if existing.exists():
        existing.update(deleted=True)  # already reported gone, at the time it went
    elif _public_in_database(instance.pk):
        record_withdrawal([instance.pk], deleted=True)


def record_withdrawal(resource_ids, *, deleted=False):
    """Record these resources as gone from public view now, with the sets they were in."""
    now = timezone.now()
    resources = Resource.objects.filter(pk__in=resource_ids).prefetch_related("themes")
    for resource in resources:
        Withdrawal.objects.update_or_create(
            resource_id=resource.pk,
            defaults={"withdrawn_at": now, "set_specs": stored(specs_of(resource)), "deleted": deleted},
        )


def connect():
    pre_save.connect(_before_save, dispatch_uid="harvest-withdrawal-before-save")
    post_save.connect(_after_save, dispatch_uid="harvest-withdrawal-after-save")
    pre_delete.connect(_before_delete, dispatch_uid="harvest-withdrawal-before-delete")


__all__ = ["connect", "record_withdrawal"]
