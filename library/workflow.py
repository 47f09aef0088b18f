"""The publishing workflow: the allowed moves between states, who may make them, and the record of each.

    draft --submit--> review --publish (now or at a chosen time)--> published --archive--> archived
    review --return_to_draft--> draft          published --unpublish--> draft
    archived --reopen--> draft

Editors write drafts and submit them; publishers make every move that changes what the public
sees. Every path that changes a resource's status (the admin form, bulk actions, restores) goes
through `apply()`, which checks the move and the person, saves, keeps a revision and logs the move.
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


class TransitionNotAllowed(PermissionDenied):
    """A move that the resource's state or the person's role does not allow. Answered with 403."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str

    def allowed_from(self, status):
        return status in self.sources


TRANSITIONS = {
    t.name: t
    for t in (
        Transition(
            "submit", _("Submit for review"), frozenset({Status.DRAFT}), Status.REVIEW, EDIT_PERMISSION
        ),
        Transition(
            "return_to_draft", _("Return to draft"), frozenset({Status.REVIEW}), Status.DRAFT, EDIT_PERMISSION
        ),
        Transition("publish", _("Publish"), frozenset({Status.REVIEW}), Status.PUBLISHED, PUBLISH_PERMISSION),
        Transition(
            "unpublish", _("Unpublish"), frozenset({Status.PUBLISHED}), Status.DRAFT, PUBLISH_PERMISSION
        ),
        Transition(
            "archive", _("Archive"), frozenset({Status.PUBLISHED}), Status.ARCHIVED, PUBLISH_PERMISSION
        ),
        Transition(
            "reopen", _("Reopen as draft"), frozenset({Status.ARCHIVED}), Status.DRAFT, PUBLISH_PERMISSION
        ),
    )
}


def may_publish(user):
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def may_edit(user, resource=None):
    """Change a resource's content: editors only while it is a draft or in review, so that no
    change of theirs goes public without a publisher."""
    if not (user and user.is_active and user.has_perm(EDIT_PERMISSION)):
        return False
    return (
        resource is None or resource.pk is None or may_publish(user) or resource.status in EDITABLE_BY_EDITORS
    )


def may(user, transition):
    return bool(user and user.is_active and user.has_perm(transition.permission))


def available(resource, user):
    """The moves this person may make on this resource now, in display order."""
    return [t for t in TRANSITIONS.values() if t.allowed_from(resource.status) and may(user, t)]


def get(name):
    try:
        return TRANSITIONS[name]
    except KeyError:
        raise TransitionNotAllowed(_("There is no move called “%(name)s”.") % {"name": name}) from None


def _permitted(name, user):
    """The move called `name`, if this person may make it at all; else TransitionNotAllowed."""
    transition = get(name)
    if not may(user, transition):
        raise TransitionNotAllowed(_("You may not %(move)s.") % {"move": str(transition.label).lower()})
    return transition


def apply(resource, name, user, *, at=None):
    """Make one move, or raise TransitionNotAllowed and change nothing.

    `at` is the publication time of a `publish` move: in the future it schedules the resource;
    without it the resource goes public now. Returns the StatusChange that records the move.
    """
    transition = _permitted(name, user)
    with transaction.atomic(), reversion.create_revision():
        # the row as it is now, locked, as its own kind's model so the revision covers every field
        model = subtypes.model_for(resource.kind)
        current = model.objects.select_for_update().get(pk=resource.pk)
        if not transition.allowed_from(current.status):
            raise TransitionNotAllowed(
                _("A resource that is %(state)s cannot be moved with “%(move)s”.")
                % {"state": current.get_status_display().lower(), "move": transition.label}
            )
        before = current.status
        current.status = transition.target
        if transition.name == "publish":
            current.published_at = at or timezone.now()
        current.updated_by = user
        current.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
        reversion.set_user(user)
        reversion.set_comment(str(transition.label))
        change = StatusChange.objects.create(
            resource_id=current.pk,
            transition=transition.name,
            from_status=before,
            to_status=current.status,
            published_at=current.published_at if current.status == Status.PUBLISHED else None,
            by=user,
        )
    # the caller's object shows the new state too
    resource.status, resource.published_at, resource.updated_by = current.status, current.published_at, user
    return change


def apply_to_many(queryset, name, user):
    """A bulk move: each resource that allows it moves; returns (moved, skipped) counts."""
    _permitted(name, user)
    moved = skipped = 0
    for resource in queryset.select_related(None).only("pk", "kind", "status"):
        try:
            apply(resource, name, user)
        except TransitionNotAllowed:
            skipped += 1
        else:
            moved += 1
    return moved, skipped


def history(resource):
    return StatusChange.objects.filter(resource_id=resource.pk).select_related("by")
