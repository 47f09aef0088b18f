"""Collections and programmes move through the library's publishing workflow (library.workflow):
the same states and moves, their own permissions, their moves recorded as PublishingChange."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from library.models.resources import Status
from library.workflow import Workflow
from programmes.models import Collection, Programme, PublishingChange


def _record(current, transition, before, user):
    return PublishingChange.objects.create(
        content_type=ContentType.objects.get_for_model(type(current)),
        object_id=current.pk,
        transition=transition.name,
        from_status=before,
        to_status=current.status,
        published_at=current.published_at if current.status == Status.PUBLISHED else None,
        by=user,
    )


def _history_of(model):
    def history(obj):
        return PublishingChange.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=obj.pk
        ).select_related("by")

    return history


COLLECTIONS = Workflow(
    edit_permission="programmes.change_collection",
    publish_permission="programmes.publish_collection",
    model_of=lambda obj: Collection,
    record=_record,
    history=_history_of(Collection),
    refused=_("A collection that is %(state)s cannot be moved with “%(move)s”."),
)

PROGRAMMES = Workflow(
    edit_permission="programmes.change_programme",
    publish_permission="programmes.publish_programme",
    model_of=lambda obj: Programme,
    record=_record,
    history=_history_of(Programme),
    refused=_("A programme that is %(state)s cannot be moved with “%(move)s”."),
)
