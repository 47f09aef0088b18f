"""The publishing workflow: the allowed moves between states, who may make them, and the record of each.

    draft --submit--> review --publish (now or at a chosen time)--> published --archive--> archived
    review --return_to_draft--> draft          published --unpublish--> draft
    archived --reopen--> draft

Editors write drafts and submit them; publishers make every move that changes what the public
sees. Every path that changes a resource's status (the admin form, bulk actions, restores) goes
through `apply()`, which checks the move and the person, saves, keeps a revision and logs the move.

The same moves serve other publishable things built on the library (curated collections,
programmes): a `Workflow` names the permissions that stand for "edit" and "publish", the model
whose row a move locks, and where each move is recorded. The module-level functions are the
resources' workflow.
"""

from dataclasses import dataclass

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library import subtypes
from library.models import StatusChange
from library.models.resources import Status

PUBLISH_PERMISSION = "library.publish_resource"
EDIT_PERMISSION = "library.change_resource"
# states in which people without the publish permission may still change a resource
EDITABLE_BY_EDITORS = frozenset({Status.DRAFT, Status.REVIEW})
EDIT, PUBLISH = "edit", "publish"


class TransitionNotAllowed(PermissionDenied):
    """A move that the resource's state or the person's role does not allow. Answered with 403."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    role: str  # EDIT or PUBLISH: the workflow maps it to a permission

    def allowed_from(self, status):
        return status in self.sources


TRANSITIONS = {
    t.name: t
    for t in (
        Transition("submit", _("Submit for review"), frozenset({Status.DRAFT}), Status.REVIEW, EDIT),
        Transition("return_to_draft", _("Return to draft"), frozenset({Status.REVIEW}), Status.DRAFT, EDIT),
        Transition("publish", _("Publish"), frozenset({Status.REVIEW}), Status.PUBLISHED, PUBLISH),
        Transition("unpublish", _("Unpublish"), frozenset({Status.PUBLISHED}), Status.DRAFT, PUBLISH),
        Transition("archive", _("Archive"), frozenset({Status.PUBLISHED}), Status.ARCHIVED, PUBLISH),
        Transition("reopen", _("Reopen as draft"), frozenset({Status.ARCHIVED}), Status.DRAFT, PUBLISH),
    )
}


def get(name, transitions=TRANSITIONS):
    try:
        return transitions[name]
    except KeyError:
        raise TransitionNotAllowed(_("There is no move called “%(name)s”.") % {"name": name}) from None


class Workflow:
    """The moves for one kind of publishable thing. Its model has `status`, `published_at`,
    `updated_by` and `updated_at` fields like Resource's.

    `model_of(obj)` is the model whose row a move locks and saves (its revision covers every
    field); `record(current, transition, before, user)` stores the move and returns the record;
    `history(obj)` is the queryset of the records, newest first; `transitions` the moves by name
    (the resources' by default)."""

    def __init__(
        self,
        *,
        edit_permission,
        publish_permission,
        model_of,
        record,
        history,
        refused=None,
        transitions=None,
    ):
        self.permissions = {EDIT: edit_permission, PUBLISH: publish_permission}
        self.transitions = transitions or TRANSITIONS
        self.model_of = model_of
        self.record = record
        self.history = history
        self.refused = refused or _("A resource that is %(state)s cannot be moved with “%(move)s”.")

    def may_publish(self, user):
        return bool(user and user.is_active and user.has_perm(self.permissions[PUBLISH]))

    def may_edit(self, user, obj=None):
        """Change the content: editors only while it is a draft or in review, so that no change
        of theirs goes public without a publisher."""
        if not (user and user.is_active and user.has_perm(self.permissions[EDIT])):
            return False
        return obj is None or obj.pk is None or self.may_publish(user) or obj.status in EDITABLE_BY_EDITORS

    def may(self, user, transition):
        return bool(user and user.is_active and user.has_perm(self.permissions[transition.role]))

    def available(self, obj, user):
        """The moves this person may make on this object now, in display order."""
        return [t for t in self.transitions.values() if t.allowed_from(obj.status) and self.may(user, t)]

    def _permitted(self, name, user):
        """The move called `name`, if this person may make it at all; else TransitionNotAllowed."""
        transition = get(name, self.transitions)
        if not self.may(user, transition):
            raise TransitionNotAllowed(_("You may not %(move)s.") % {"move": str(transition.label).lower()})
        return transition

    def apply(self, obj, name, user, *, at=None):
        """Make one move, or raise TransitionNotAllowed and change nothing.

        `at` is the publication time of a `publish` move: in the future it schedules the object;
        without it the object goes public now. Returns the record of the move.
        """
        transition = self._permitted(name, user)
        with transaction.atomic(), reversion.create_revision():
            # the row as it is now, locked, as its own model so the revision covers every field
            current = self.model_of(obj).objects.select_for_update().get(pk=obj.pk)
            if not transition.allowed_from(current.status):
                raise TransitionNotAllowed(
                    self.refused % {"state": current.get_status_display().lower(), "move": transition.label}
                )
            before = current.status
            current.status = transition.target
            if transition.name == "publish":
                current.published_at = at or timezone.now()
            current.updated_by = user
            current.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
            reversion.set_user(user)
            reversion.set_comment(str(transition.label))
            change = self.record(current, transition, before, user)
        # the caller's object shows the new state too
        obj.status, obj.published_at, obj.updated_by = current.status, current.published_at, user
        return change

    def apply_to_many(self, queryset, name, user):
        """A bulk move: each object that allows it moves; returns (moved, skipped) counts."""
        self._permitted(name, user)
        moved = skipped = 0
        for obj in queryset.select_related(None).only(*self._bulk_fields(queryset.model)):
            try:
                self.apply(obj, name, user)
            except TransitionNotAllowed:
                skipped += 1
            else:
                moved += 1
        return moved, skipped

    @staticmethod
    def _bulk_fields(model):
        names = {field.name for field in model._meta.concrete_fields}
        return [name for name in ("pk", "kind", "status") if name == "pk" or name in names]


def _record_resource_move(current, transition, before, user):
    return StatusChange.objects.create(
        resource_id=current.pk,
        transition=transition.name,
        from_status=before,
        to_status=current.status,
        published_at=current.published_at if current.status == Status.PUBLISHED else None,
        by=user,
    )


RESOURCES = Workflow(
    edit_permission=EDIT_PERMISSION,
    publish_permission=PUBLISH_PERMISSION,
    model_of=lambda resource: subtypes.model_for(resource.kind),
    record=_record_resource_move,
    history=lambda resource: StatusChange.objects.filter(resource_id=resource.pk).select_related("by"),
)

may_publish = RESOURCES.may_publish
may_edit = RESOURCES.may_edit
may = RESOURCES.may
available = RESOURCES.available
apply = RESOURCES.apply
apply_to_many = RESOURCES.apply_to_many
history = RESOURCES.history
