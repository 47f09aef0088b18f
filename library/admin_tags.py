"""Tag hygiene in the admin: how often each tag is used, "used once", and merging tags."""

from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit import admin as taggit_admin  # noqa: F401 - registers taggit's Tag admin, replaced below
from taggit.models import Tag

from library.admin_forms import MergeTagsForm
from library.tags import merge_tags


class TagUseFilter(admin.SimpleListFilter):
    title = _("use")
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("0", _("Not used")), ("1", _("Used once")), ("many", _("Used more than once"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value in ("0", "1"):
            return queryset.filter(use_count=int(value))
        if value == "many":
            return queryset.filter(use_count__gt=1)
        return queryset


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "use_count")
    list_filter = (TagUseFilter,)
    search_fields = ("name",)
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(use_count=Count("library_taggedresource_items"))

    @admin.display(description=_("resources"), ordering="use_count")
    def use_count(self, obj):
        return obj.use_count

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description=_("Merge selected tags into one"), permissions=["merge"])
    def merge_selected(self, request, queryset):
        form = MergeTagsForm(request.POST if "apply" in request.POST else None, tags=queryset)
        if form.is_valid():
            into = form.cleaned_data["into"]
            sources = list(queryset.exclude(pk=into.pk))
            count = merge_tags(sources, into)
            self.message_user(
                request,
                ngettext(
                    "Merged into “%(tag)s”: %(count)d resource changed.",
                    "Merged into “%(tag)s”: %(count)d resources changed.",
                    count,
                )
                % {"tag": into.name, "count": count},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge tags"),
            "opts": self.model._meta,
            "form": form,
            "tags": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/taggit/tag/merge_tags.html", context)
