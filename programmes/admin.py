"""Staff curate collections and build programmes in the admin. Both go through the library's
publishing workflow (library.workflow, through programmes.publishing) and keep every version
(django-reversion), as resources do. Programmes have a report of enrolment, completion and
drop-off per module (with a CSV export); certificates can be revoked."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from library.admin_workflow import AdminLink, WorkflowAdminMixin, WorkflowInlineMixin
from library.uploads import IMAGE_TYPES, CheckedFileField
from library.workflow import EDITABLE_BY_EDITORS
from programmes import publishing, reporting
from programmes.models import (
    Certificate,
    Choice,
    Collection,
    CollectionItem,
    Enrolment,
    Module,
    Programme,
    PublishingChange,
    Question,
    Step,
)


class PublishableAdmin(WorkflowAdminMixin, VersionAdmin):
    """What collection and programme admins share besides the workflow: fields and the public page."""

    readonly_fields = ("state", "created_by", "updated_by")
    prepopulated_fields = {"slug": ("title",)}
    search_fields = ("title", "slug", "summary")

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None


class CollectionItemInline(WorkflowInlineMixin, admin.TabularInline):
    model = CollectionItem
    extra = 1
    fields = ("position", "resource", "note")
    autocomplete_fields = ("resource",)


class CollectionForm(forms.ModelForm):
    cover = CheckedFileField(
        label=_("cover image"), kinds=IMAGE_TYPES, required=False, widget=forms.ClearableFileInput
    )

    class Meta:
        model = Collection
        fields = (
            "title",
            "slug",
            "summary",
            "introduction",
            "language",
            "themes",
            "cover",
            "cover_alt",
            "published_at",
        )


@admin.register(Collection)
class CollectionAdmin(PublishableAdmin):
    workflow = publishing.COLLECTIONS
    form = CollectionForm
    list_display = ("title", "state", "language", "published_at", "updated_at")
    list_filter = ("status", "language", "themes")
    filter_horizontal = ("themes",)
    inlines = [CollectionItemInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "introduction", "language", "themes")}),
        (_("Publishing"), {"fields": ("state", "published_at", "created_by", "updated_by")}),
        (_("Cover image"), {"fields": ("cover", "cover_alt")}),
    )


class ModuleInline(WorkflowInlineMixin, admin.StackedInline):
    model = Module
    extra = 1
    fields = ("position", "title", "text", "pass_mark")
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    workflow = publishing.PROGRAMMES
    list_display = ("title", "state", "level", "language", "partners_only", "published_at", "report_link")
    list_filter = ("status", "level", "language", "partners_only")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "summary",
                    "learning_goals",
                    "level",
                    "language",
                    "estimated_hours",
                    "partners_only",
                )
            },
        ),
        (_("Publishing"), {"fields": ("state", "published_at", "created_by", "updated_by")}),
    )

    inlines = [ModuleInline]

    def workflow_links(self, request, obj):
        return [AdminLink(reverse("admin:programmes_programme_report", args=[obj.pk]), _("Report"))]

    @admin.display(description=_("report"))
    def report_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:programmes_programme_report", args=[obj.pk]), _("Report")
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:programme_id>/report/", wrap(self.report_view), name="programmes_programme_report"),
            path(
                "<int:programme_id>/report.csv", wrap(self.report_csv), name="programmes_programme_report_csv"
            ),
            *super().get_urls(),
        ]

    def _reported(self, request, programme_id):
        if not request.user.has_perm("programmes.view_programme_report"):
            raise PermissionDenied
        return get_object_or_404(Programme, pk=programme_id)

    def report_view(self, request, programme_id):
        programme = self._reported(request, programme_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Report: %(title)s") % {"title": programme.title},
            "programme": programme,
            "report": reporting.report_for(programme),
        }
        return TemplateResponse(request, "admin/programmes/programme_report.html", context)

    def report_csv(self, request, programme_id):
        programme = self._reported(request, programme_id)
        response = StreamingHttpResponse(
            reporting.report_csv_lines(programme, reporting.report_for(programme)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="programme-{programme.slug}-report.csv"'
        return response


class ProgrammePartAdmin(admin.ModelAdmin):
    """Modules and questions are changed by whoever may change their programme: an editor adds
    them only to drafts and programmes in review, never straight to a published one."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not publishing.PROGRAMMES.may_publish(request.user):
            if db_field.name == "programme":
                kwargs["queryset"] = Programme.objects.filter(status__in=EDITABLE_BY_EDITORS)
            elif db_field.name == "module":
                kwargs["queryset"] = Module.objects.filter(programme__status__in=EDITABLE_BY_EDITORS)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _programme(self, obj):
        return obj.programme if isinstance(obj, Module) else obj.module.programme

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or publishing.PROGRAMMES.may_edit(request.user, self._programme(obj)))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or publishing.PROGRAMMES.may_edit(request.user, self._programme(obj)))


class StepInline(admin.TabularInline):
    model = Step
    extra = 1
    fields = ("position", "kind", "resource", "event", "note")
    autocomplete_fields = ("resource", "event")


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 1
    fields = ("position", "text")
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(ProgrammePartAdmin):
    list_display = ("title", "programme", "position")
    list_filter = ("programme",)
    list_select_related = ("programme",)
    search_fields = ("title", "programme__title")
    inlines = [StepInline, QuestionInline]


class ChoiceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if len(kept) < 2:
            raise ValidationError(_("A question needs at least two answers."))
        if sum(1 for form in kept if form.cleaned_data.get("correct")) != 1:
            raise ValidationError(_("Mark exactly one answer as the correct one."))


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 3
    fields = ("position", "text", "correct")


@admin.register(Question)
class QuestionAdmin(ProgrammePartAdmin):
    list_display = ("text", "module")
    list_select_related = ("module", "module__programme")
    search_fields = ("text",)
    inlines = [ChoiceInline]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ("user", "programme", "enrolled_at", "completed_at")
    list_filter = ("programme", ("completed_at", admin.EmptyFieldListFilter))
    list_select_related = ("user", "programme")
    search_fields = ("user__username", "programme__title")
    date_hierarchy = "enrolled_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ("code", "holder_name", "programme_title", "issued_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("code", "holder_name", "programme_title")
    readonly_fields = (
        "enrolment",
        "code",
        "holder_name",
        "programme_title",
        "language",
        "issued_at",
        "revoked_at",
        "revoked_by",
    )
    fields = (*readonly_fields, "revocation_reason")
    actions = ["revoke", "reinstate"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Revoke the selected certificates"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=request.user
        )
        self.message_user(
            request,
            ngettext("%(count)d certificate revoked.", "%(count)d certificates revoked.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reinstate the selected certificates"), permissions=["change"])
    def reinstate(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=False).update(revoked_at=None, revoked_by=None)
        self.message_user(
            request,
            ngettext("%(count)d certificate reinstated.", "%(count)d certificates reinstated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(PublishingChange)
class PublishingChangeAdmin(admin.ModelAdmin):
    """Every move of a collection or programme through the workflow, read-only."""

    list_display = ("at", "content_type", "subject", "from_status", "to_status", "published_at", "by")
    list_filter = ("content_type", "transition", "to_status", ("by", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("content_type", "by")
    date_hierarchy = "at"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("subject")  # one query per model, not per row

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
