"""The events' publishing workflow: the library's (library.workflow.Workflow, the same roles and
checks, revisions and a record of every move) with a cancelled state instead of archived.

    draft --submit--> review --publish (now or at a chosen time)--> published --cancel--> cancelled
    review --return_to_draft--> draft          published --unpublish--> draft

Cancelling raises the calendar SEQUENCE and tells every registrant by e-mail (events.mails), in
the move's own transaction. `apply()` is the only code that changes an event's status.
"""

from django.utils.translation import gettext_lazy as _

from events.models import Event, EventStatusChange, Status
from library.workflow import EDIT, PUBLISH, Transition, Workflow

PUBLISH_PERMISSION = "events.publish_event"
EDIT_PERMISSION = "events.change_event"

TRANSITIONS = {
    t.name: t
    for t in (
        Transition("submit", _("Submit for review"), frozenset({Status.DRAFT}), Status.REVIEW, EDIT),
        Transition("return_to_draft", _("Return to draft"), frozenset({Status.REVIEW}), Status.DRAFT, EDIT),
        Transition("publish", _("Publish"), frozenset({Status.REVIEW}), Status.PUBLISHED, PUBLISH),
        Transition("unpublish", _("Unpublish"), frozenset({Status.PUBLISHED}), Status.DRAFT, PUBLISH),
        Transition("cancel", _("Cancel the event"), frozenset({Status.PUBLISHED}), Status.CANCELLED, PUBLISH),
    )
}


def _record(current, transition, before, user):
    from events import mails

    if transition.name == "cancel":
        current.sequence += 1  # calendars replace their copy with the cancelled one
        current.save(update_fields=["sequence"])
        mails.event_cancelled(current)
    return EventStatusChange.objects.create(
        event=current,
        transition=transition.name,
        from_status=before,
        to_status=current.status,
        published_at=current.published_at if current.status == Status.PUBLISHED else None,
        by=user,
    )


EVENTS = Workflow(
    edit_permission=EDIT_PERMISSION,
    publish_permission=PUBLISH_PERMISSION,
    model_of=lambda event: Event,
    record=_record,
    history=lambda event: EventStatusChange.objects.filter(event_id=event.pk).select_related("by"),
    transitions=TRANSITIONS,
    refused=_("An event that is %(state)s cannot be moved with “%(move)s”."),
)

may_publish = EVENTS.may_publish
may_edit = EVENTS.may_edit
may = EVENTS.may
available = EVENTS.available
apply = EVENTS.apply
apply_to_many = EVENTS.apply_to_many
history = EVENTS.history
