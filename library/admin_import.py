"""Import and export in the admin: an upload form that previews what will change before it is
applied, and an "export selected" action. Added to ResourceAdmin (and so to CaseStudyAdmin)."""

import uuid
from datetime import timedelta
from pathlib import PurePosixPath

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from library.exporting import json_lines
from library.importing import Importer
from library.models import Resource
from library.workflow import PUBLISH_PERMISSION

ACTION_LABELS = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "rejected": gettext_lazy("rejected"),
}
PREVIEW_LINES = 1000  # lines listed one by one in the preview; the counts cover the whole file
SESSION_KEY = "library_import_upload"
UPLOADS = "imports"
STALE_AFTER = timedelta(days=1)  # previews never applied are removed after this


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "JSON Lines (.jsonl, one resource a line) or CSV (.csv) with the import format's field names. "
            "Nothing is written until you have seen the preview and applied it."
        ),
    )


class ImportExportAdminMixin:
    # extends the change list template the admin would use otherwise (reversion's, for example)
    change_list_template = "admin/library/import_export_change_list.html"
    import_template = "admin/library/import.html"

    def changelist_view(self, request, extra_context=None):
        base = getattr(super(), "change_list_template", None) or "admin/change_list.html"
        context = {**(extra_context or {}), "import_export_base_template": base}
        return super().changelist_view(request, extra_context=context)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_import"
        return [path("import/", self.admin_site.admin_view(self.import_view), name=name), *super().get_urls()]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_view_permission(request):
            actions["export_selected"] = self.get_action("export_selected")
        return actions

    @admin.action(description=gettext_lazy("Export selected resources (JSON Lines)"))
    def export_selected(self, request, queryset):
        resources = Resource.objects.filter(pk__in=queryset.values("pk"))
        response = StreamingHttpResponse(
            json_lines(resources), content_type="application/x-ndjson; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="resources.jsonl"'
        return response

    def has_import_permission(self, request):
        """An import can create, change and publish: it needs all three permissions."""
        return (
            self.has_add_permission(request)
            and self.has_change_permission(request)
            and request.user.has_perm(PUBLISH_PERMISSION)
        )

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "apply" in request.POST:
            return self.apply_import(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        report = upload = None
        if request.method == "POST" and form.is_valid():
            upload = self.keep_upload(request, form.cleaned_data["file"])
            with default_storage.open(upload["path"], "rb") as stream:
                report = Importer(dry_run=True, keep=PREVIEW_LINES).run(stream, name=upload["name"])
            report.outcomes.sort(key=lambda outcome: outcome.line)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import resources"),
            "form": form,
            "report": report,
            "rows": [(outcome, ACTION_LABELS[outcome.action]) for outcome in report.outcomes]
            if report
            else [],
            "upload": upload,
        }
        return TemplateResponse(request, self.import_template, context)

    def keep_upload(self, request, uploaded):
        """Store the upload under a random name until it is applied; the session remembers it, so
        only the person who saw the preview can apply it."""
        self.forget_upload(request)
        remove_stale_uploads()
        name = get_valid_filename(PurePosixPath(uploaded.name).name)[:100] or "upload"
        stored = default_storage.save(f"{UPLOADS}/{uuid.uuid4().hex}/{name}", uploaded)
        upload = {"path": stored, "name": name}
        request.session[SESSION_KEY] = upload
        return upload

    def forget_upload(self, request):
        upload = request.session.pop(SESSION_KEY, None)
        if upload:
            default_storage.delete(upload["path"])

    def apply_import(self, request):
        upload = request.session.get(SESSION_KEY)
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        if not upload or not default_storage.exists(upload["path"]):
            self.message_user(
                request, _("There is no previewed file to apply; upload it again."), messages.ERROR
            )
            return redirect(request.path)
        with default_storage.open(upload["path"], "rb") as stream:
            report = Importer(user=request.user).run(stream, name=upload["name"])
        self.forget_upload(request)
        level = messages.WARNING if report.rejected else messages.SUCCESS
        self.message_user(
            request,
            _("Imported %(name)s: %(summary)s.") % {"name": upload["name"], "summary": report.summary()},
            level,
        )
        return redirect(changelist)


def remove_stale_uploads():
    """Delete uploads whose preview was never applied, once they are a day old."""
    cutoff = timezone.now() - STALE_AFTER
    try:
        folders, _files = default_storage.listdir(UPLOADS)
        for folder in folders:
            for name in default_storage.listdir(f"{UPLOADS}/{folder}")[1]:
                stored = f"{UPLOADS}/{folder}/{name}"
                if default_storage.get_modified_time(stored) < cutoff:
                    default_storage.delete(stored)
    except (FileNotFoundError, NotImplementedError):
        return  # nothing uploaded yet, or a storage that cannot list
