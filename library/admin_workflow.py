"""The admin of anything that moves through a library.workflow.Workflow: resources here, events,
collections and programmes in their apps.

WorkflowAdminMixin (before VersionAdmin or ModelAdmin) gives the rights by workflow state, the change
form (templates/admin/workflow_change_form.html: the state, the recent moves and a "Save and <move>"
button for every move the person may make), the move such a button asks for with its message and
its place in the revision's comment, restores that never move the object through the workflow,
and the standard bulk moves. An admin names its `workflow` and
may add links beside "History", sections under the form and its own sentences for the bulk moves.
"""

from typing import NamedTuple

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from reversion.models import Version

from library.models.publishing import Status
from library.workflow import EDIT, PUBLISH

# the bulk actions: action name -> (the move it makes, its name in the action menu)
BULK_MOVES = {
    "submit_for_review": ("submit", _("Submit for review")),
    "return_to_draft": ("return_to_draft", _("Return to draft")),
    "publish_now": ("publish", _("Publish now")),
    "unpublish": ("unpublish", _("Unpublish (back to draft)")),
    "archive": ("archive", _("Archive")),
}
# the admin permission (has_<name>_permission) a bulk move needs, by the move's role
ACTION_PERMISSIONS = {EDIT: "change", PUBLISH: "publish"}


class AdminLink(NamedTuple):
    """A link among the change form's object tools (beside "History")."""

    url: str
    label: str
    css_class: str = ""


class WorkflowAdminMixin:
    workflow = None  # a library.workflow.Workflow
    change_form_template = "admin/workflow_change_form.html"
    actions = list(BULK_MOVES)
    history_latest_first = True
    save_and_preview = False  # a "Save and preview" button (the admin answers `_preview`)
    workflow_help = _(
        "Editors write drafts and submit them for review; publishers publish (now, or at the "
        "publication time set above), unpublish and archive."
    )
    # %(count)d is the number of objects; %(move)s, the move's name, may be left out
    moved_message = ngettext_lazy("%(move)s: %(count)d moved.", "%(move)s: %(count)d moved.", "count")
    left_message = ngettext_lazy(
        "%(count)d was left as it was: its state does not allow this move.",
        "%(count)d were left as they were: their state does not allow this move.",
        "count",
    )

    # --- list ----------------------------------------------------------------------------
    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return format_html("{} ({})", _("Scheduled"), _when(obj))
        return obj.get_status_display()

    # --- who may do what -----------------------------------------------------------------
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.workflow.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.workflow.may_edit(request.user, obj)

    def has_publish_permission(self, request):
        return self.workflow.may_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if not self.workflow.may_publish(request.user):
            # the publication time is a publisher's decision
            fields += ("published_at",)
        return fields

    # --- the change form -----------------------------------------------------------------
    def workflow_links(self, request, obj):
        """AdminLinks beside "History" on a saved object's form."""
        return []

    def admin_sections(self, request, obj):
        """Sections shown under a saved object's workflow (library.extensions.Sections)."""
        return []

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        shown = obj or self.model()  # a new object is a draft
        may_change = self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
        saved = obj is not None and obj.pk is not None
        context.update(
            {
                "workflow_transitions": self.workflow.available(shown, request.user) if may_change else [],
                "status_changes": self.workflow.history(obj)[:10] if saved else [],
                "state_label": shown.state_label,
                "workflow_help": self.workflow_help,
                "workflow_links": self.workflow_links(request, obj) if saved else [],
                "admin_sections": self.admin_sections(request, obj) if saved else [],
                "save_and_preview": self.save_and_preview,
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if not self.workflow.may_edit(request.user, obj):
            raise PermissionDenied
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.related_saved(request, form.instance, change)
        self.apply_requested_move(request, form.instance)

    def related_saved(self, request, obj, change):
        """What to do once the object and its related rows are saved, before the move asked for."""

    def apply_requested_move(self, request, obj):
        """The move of the "Save and <move>" button pressed, if any. A refused move raises
        TransitionNotAllowed (403) and the whole save is rolled back."""
        name = request.POST.get("_transition")
        if not name:
            return
        at = obj.published_at if name == "publish" else None
        request.workflow_move = self.workflow.apply(obj, name, request.user, at=at)
        if obj.is_scheduled:
            message = _("Scheduled: “%(title)s” goes public on %(when)s.") % {
                "title": obj,
                "when": _when(obj),
            }
        else:
            message = _("“%(title)s” is now %(state)s.") % {
                "title": obj,
                "state": obj.get_status_display().lower(),
            }
        self.message_user(request, message, messages.SUCCESS)

    def log_addition(self, request, obj, message):
        return self._with_move_in_comment(request, super().log_addition(request, obj, message))

    def log_change(self, request, obj, message):
        return self._with_move_in_comment(request, super().log_change(request, obj, message))

    def _with_move_in_comment(self, request, entry):
        """The revision of a save that made a move says both: "Changed title. Publish."."""
        move = getattr(request, "workflow_move", None)
        if move is not None:
            label = self.workflow.transitions[move.transition].label
            reversion.set_comment(f"{entry.get_change_message()} {label}.".strip())
        return entry

    # --- history and restore -----------------------------------------------------------
    # django-reversion finds the version to restore by its id (and object id) alone and reverts its
    # whole revision. A version of another model (a resource's id may equal this event's) or of an
    # object that still exists (through "recover") would revert something else's content and state
    # under this page's permissions, so each view first checks what the version is.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restoring an earlier version brings back its content; the workflow state stays as it is
        now (a restore never publishes or unpublishes: that is a move of its own)."""
        versions = Version.objects.get_for_model(self.model)
        if not versions.filter(pk=version_id, object_id=unquote(object_id)).exists():
            raise Http404
        # an object deleted since comes back as a draft, as through "recover"
        request.keep_workflow_state = self._workflow_state(object_id) or (Status.DRAFT, None)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted object comes back as a draft."""
        version = Version.objects.get_for_model(self.model).filter(pk=version_id).first()
        if version is None or self.model._default_manager.filter(pk=version.object_id).exists():
            raise Http404
        request.keep_workflow_state = (Status.DRAFT, None)
        return super().recover_view(request, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        keep = getattr(request, "keep_workflow_state", None)
        if obj is not None and keep is not None:
            obj.status, obj.published_at = keep
        return obj

    def _workflow_state(self, object_id):
        """(status, published_at) of the object as it is now, or None when there is none."""
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            return None
        return self.model._default_manager.filter(pk=pk).values_list("status", "published_at").first()

    # --- bulk moves ----------------------------------------------------------------------
    def get_action(self, action):
        if isinstance(action, str) and action in BULK_MOVES:
            return self._bulk_action(action)
        return super().get_action(action)

    def _bulk_action(self, action):
        """The action `action` of BULK_MOVES, open to whoever holds the role of its move."""
        name, description = BULK_MOVES[action]
        transition = self.workflow.transitions[name]

        @admin.action(description=description, permissions=[ACTION_PERMISSIONS[transition.role]])
        def bulk_move(modeladmin, request, queryset):
            modeladmin._bulk_move(request, queryset, name)

        bulk_move.__name__ = action
        return bulk_move, action, description

    def _bulk_move(self, request, queryset, name):
        moved, skipped = self.workflow.apply_to_many(queryset, name, request.user)
        label = self.workflow.transitions[name].label
        self.message_user(
            request,
            self.moved_message % {"move": label, "count": moved},
            messages.SUCCESS if moved else messages.WARNING,
        )
        if skipped:
            self.message_user(request, self.left_message % {"count": skipped}, messages.WARNING)


class WorkflowInlineMixin:
    """Parts of a workflow object (files, items, modules) follow it: whoever may not change the
    object may not change them. Its admin is a WorkflowAdminMixin."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_edit(request, obj)

    def _may_edit(self, request, obj):
        return self.admin_site._registry[self.parent_model].workflow.may_edit(request.user, obj)


def _when(obj):
    return date_format(localtime(obj.published_at), "DATETIME_FORMAT")
