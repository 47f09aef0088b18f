"""The events' publishing workflow: the resources' state machine (library.workflow's Transition
and TransitionNotAllowed, the same roles) with a cancelled state instead of archived.

    draft --submit--> review --publish (now or at a chosen time)--> published --cancel--> cancelled
    review --return_to_draft--> draft          published --unpublish--> draft

Cancelling tells every registrant by e-mail (events.mails). `apply()` is the only code that
changes an event's status: it checks the move and the person, saves, keeps a revision and logs.
"""

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventStatusChange, Status
from library.workflow import Transition, TransitionNotAllowed

PUBLISH_PERMISSION = "events.publish_event"
EDIT_PERMISSION = "events.change_event"
EDITABLE_BY_EDITORS = frozenset({Status.DRAFT, Status.REVIEW})

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
            "cancel",
            _("Cancel the event"),
            frozenset({Status.PUBLISHED}),
            Status.CANCELLED,
            PUBLISH_PERMISSION,
        ),
    )
}


def may(user, transition):
    return bool(user and user.is_active and user.has_perm(transition.permission))


def may_publish(user):
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def may_edit(user, event=None):
    if not (user and user.is_active and user.has_perm(EDIT_PERMISSION)):
        return False
    return event is None or event.pk is None or may_publish(user) or event.status in EDITABLE_BY_EDITORS


def available(event, user):
    return [t for t in TRANSITIONS.values() if t.allowed_from(event.status) and may(user, t)]


def apply(event, name, user, *, at=None):
    """Make one move or raise TransitionNotAllowed and change nothing; returns the log entry."""
    from events import mails

    transition = TRANSITIONS.get(name)
    if transition is None:
        raise TransitionNotAllowed(_("There is no move called “%(name)s”.") % {"name": name})
    if not may(user, transition):
        raise TransitionNotAllowed(_("You may not %(move)s.") % {"move": str(transition.label).lower()})
    with transaction.atomic(), reversion.create_revision():
        current = Event.objects.select_for_update().get(pk=event.pk)
        if not transition.allowed_from(current.status):
            raise TransitionNotAllowed(
                _("An event that is %(state)s cannot be moved with “%(move)s”.")
                % {"state": current.get_status_display().lower(), "move": transition.label}
            )
        before = current.status
        current.status = transition.target
        if transition.name == "publish":
            current.published_at = at or timezone.now()
        if transition.name == "cancel":
            current.sequence += 1
        current.updated_by = user
        current.save(update_fields=["status", "published_at", "sequence", "updated_by", "updated_at"])
        reversion.set_user(user)
        reversion.set_comment(str(transition.label))
        change = EventStatusChange.objects.create(
            event=current,
            transition=transition.name,
            from_status=before,
            to_status=current.status,
            published_at=current.published_at if current.status == Status.PUBLISHED else None,
            by=user,
        )
        if transition.name == "cancel":
            mails.event_cancelled(current)
    event.status, event.published_at, event.sequence = current.status, current.published_at, current.sequence
    return change


def apply_to_many(queryset, name, user):
    moved = skipped = 0
    for event in queryset.only("pk", "status"):
        try:
            apply(event, name, user)
        except TransitionNotAllowed:
            skipped += 1
        else:
            moved += 1
    return moved, skipped


def history(event):
    return EventStatusChange.objects.filter(event_id=event.pk).select_related("by")
