"""Staff publishing in the admin for every kind of resource (case studies add theirs in casestudies/admin.py).

ResourceAdmin is a plain ModelAdmin subclass (with django-reversion's VersionAdmin for history and
restore), so other parts can mix their own behaviour into it. Every status change goes through
library.workflow: the form's workflow buttons and the bulk actions (library.admin_workflow, shared
with the other publishable things) and restores alike.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from reversion.admin import VersionAdmin

from library import extensions, reviews, subtypes
from library.admin_forms import ResourceAdminForm, ResourceFileForm
from library.admin_import import ImportExportAdminMixin
from library.admin_workflow import AdminLink, WorkflowAdminMixin, WorkflowInlineMixin
from library.models import Country, FileVersion, Resource, ResourceFile, StatusChange, Theme
from library.models.resources import Kind, Status
from library.workflow import RESOURCES


def admin_change_url(resource):
    """The admin page where this resource is edited: its own kind's admin."""
    opts = subtypes.model_for(resource.kind)._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[resource.pk])


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, _("Draft")),
            (Status.REVIEW, _("In review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Published and public")),
            (Status.ARCHIVED, _("Archived")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        if value in (Status.DRAFT, Status.REVIEW, Status.ARCHIVED):
            return queryset.filter(status=value)
        return queryset


class ResourceFileInline(WorkflowInlineMixin, admin.TabularInline):
    model = ResourceFile
    form = ResourceFileForm
    extra = 0
    fields = (
        "title",
        "file",
        "change_notes",
        "language",
        "access",
        "position",
        "version",
        "format",
        "size",
        "sha256",
    )
    readonly_fields = ("version", "format", "size", "sha256")


class ReviewFilter(admin.SimpleListFilter):
    """Review dates (library.reviews): what is overdue, what comes due this month or soon."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("due", _("Due this month or overdue")),
            ("overdue", _("Overdue")),
            ("soon", _("Due in the next three months")),
            ("none", _("No review date")),
        ]

    def queryset(self, request, queryset):
        today = localdate()
        value = self.value()
        if value == "due":
            return queryset.due_for_review(today)
        if value == "overdue":
            return queryset.overdue_for_review(today)
        if value == "soon":
            return queryset.filter(
                status=Status.PUBLISHED, review_by__gte=today, review_by__lte=reviews.add_months(today, 3)
            )
        if value == "none":
            return queryset.filter(review_by__isnull=True)
        return queryset


@admin.register(Resource)
class ResourceAdmin(ImportExportAdminMixin, WorkflowAdminMixin, VersionAdmin):
    workflow = RESOURCES
    form = ResourceAdminForm
    save_and_preview = True
    list_display = ("title", "kind", "state", "published_at", "review_by", "created_by", "updated_at")
    list_filter = (
        PublicationStateFilter,
        "kind",
        "themes",
        ("created_by", admin.RelatedOnlyFieldListFilter),
        ("published_at", admin.DateFieldListFilter),
        ("updated_at", admin.DateFieldListFilter),
        ReviewFilter,
        "language",
        "featured",
    )
    list_select_related = ("created_by",)
    search_fields = ("title", "slug", "summary")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("themes", "countries", "related", "translation_of")
    date_hierarchy = "published_at"
    inlines = [ResourceFileInline]
    readonly_fields = ("state", "created_by", "updated_by", "reviewed_at", "reviewed_by")
    actions = [*WorkflowAdminMixin.actions, "mark_reviewed"]
    moved_message = ngettext_lazy(
        "%(move)s: %(count)d resource moved.", "%(move)s: %(count)d resources moved.", "count"
    )
    left_message = ngettext_lazy(
        "%(count)d resource was left as it was: its state does not allow this move.",
        "%(count)d resources were left as they were: their state does not allow this move.",
        "count",
    )
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "summary", "body", "language", "translation_of")}),
        (
            _("Publishing"),
            {"fields": ("state", "published_at", "featured", "licence", "created_by", "updated_by")},
        ),
        (_("Review"), {"fields": ("review_by", "reviewed_at", "reviewed_by")}),
        (_("Classification"), {"fields": ("themes", "tags", "new_tags", "countries", "related")}),
        (_("Cover image"), {"fields": ("cover", "cover_alt")}),
    )

    # --- list ------------------------------------------------------------------------
    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else reverse("library:preview", args=[obj.pk])

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            # case studies have their own admin with their structured fields
            kwargs["choices"] = [
                (Kind.TOOLKIT.value, Kind.TOOLKIT.label),
                (Kind.GUIDE.value, Kind.GUIDE.label),
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    # --- who may do what -------------------------------------------------------------
    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # shown read-only: the form-only field for new tags has nothing to show
            fieldsets = [
                (name, {**options, "fields": tuple(f for f in options["fields"] if f != "new_tags")})
                for name, options in fieldsets
            ]
        return fieldsets

    # --- one resource ----------------------------------------------------------------
    def change_view(self, request, object_id, form_url="", extra_context=None):
        redirect = self._redirect_to_own_admin(self._current(object_id))
        return redirect or super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    def _current(object_id):
        """The resource's row as it is now (its kind and workflow state), or None when the address
        names none (no such resource, or no id at all: that is the admin's "not found", never a 500)."""
        try:
            pk = Resource._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            return None
        return Resource.objects.filter(pk=pk).only("kind", "status", "published_at").first()

    def _redirect_to_own_admin(self, resource):
        """A case study listed among all resources is edited in its own admin."""
        if resource and subtypes.model_for(resource.kind) is not self.model:
            return HttpResponseRedirect(admin_change_url(resource))
        return None

    def workflow_links(self, request, obj):
        return [AdminLink(reverse("library:preview", args=[obj.pk]), _("Preview"), "viewsitelink")]

    def admin_sections(self, request, obj):
        return extensions.admin_resource_sections.render_for(request, obj)

    def save_formset(self, request, form, formset, change):
        # a new version of a file records who uploaded it (library.file_versions)
        for file_form in formset.forms:
            file_form.instance.changed_by = request.user
        super().save_formset(request, form, formset, change)

    def response_add(self, request, obj, post_url_continue=None):
        if "_preview" in request.POST:
            return HttpResponseRedirect(reverse("library:preview", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_preview" in request.POST:
            return HttpResponseRedirect(reverse("library:preview", args=[obj.pk]))
        return super().response_change(request, obj)

    # --- history and restore (WorkflowAdminMixin checks the version and keeps the state) --------
    def revision_view(self, request, object_id, version_id, extra_context=None):
        redirect = self._redirect_to_own_admin(self._current(object_id))
        return redirect or super().revision_view(request, object_id, version_id, extra_context)

    # --- bulk actions (the workflow's come from WorkflowAdminMixin) ---------------------
    @admin.action(description=_("Mark as reviewed"), permissions=["publish"])
    def mark_reviewed(self, request, queryset):
        """Who reviewed and when go into each resource's history; the next date is one period on."""
        published = queryset.filter(status=Status.PUBLISHED).select_related(None).only("pk", "kind")
        marked = reviews.mark_reviewed(published, request.user)
        skipped = queryset.count() - marked
        self.message_user(
            request,
            ngettext(
                "%(count)d resource marked as reviewed.", "%(count)d resources marked as reviewed.", marked
            )
            % {"count": marked},
            messages.SUCCESS if marked else messages.WARNING,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d resource was left as it was: only published resources are reviewed.",
                    "%(count)d resources were left as they were: only published resources are reviewed.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ("at", "resource", "from_status", "to_status", "published_at", "by")
    list_filter = ("transition", "to_status", ("by", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("resource", "by")
    search_fields = ("resource__title",)
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FileVersion)
class FileVersionAdmin(admin.ModelAdmin):
    """Every version of every file (read-only: a new version is uploaded on the resource's page)."""

    list_display = ("resource_file", "number", "created_at", "created_by", "size")
    list_select_related = ("resource_file", "created_by")
    search_fields = ("resource_file__title", "resource_file__resource__title", "notes")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    search_fields = ("name", "slug")

    def has_add_permission(self, request):
        return False  # the list is fixed by the public contract

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "region", "subregion")
    list_filter = ("region",)
    search_fields = ("code",)

    def get_search_results(self, request, queryset, search_term):
        # search by name in any language we show, as well as by code
        from django_countries import countries

        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            codes = [code for code, name in countries if search_term.lower() in str(name).lower()]
            queryset |= self.model.objects.filter(code__in=codes)
        return queryset, may_have_duplicates


# tag hygiene (usage counts, "used once", merging) and the partner organisations, memberships and
# download log (issue #5) live in their own modules
from library import admin_tags, partner_admin  # noqa: E402,F401
