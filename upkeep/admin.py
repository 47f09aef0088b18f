from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from upkeep.models import BrokenLink, ChangeNotice, Link, LinkCheckRun, LinkUse, NoticeOptOut


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BrokenFilter(admin.SimpleListFilter):
    title = _("working")
    parameter_name = "broken"

    def lookups(self, request, model_admin):
        return [("yes", _("Broken or unreachable")), ("no", _("Working"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(status__in=Link.BROKEN)
        if self.value() == "no":
            return queryset.exclude(status__in=Link.BROKEN)
        return queryset


class LinkUseInline(admin.TabularInline):
    model = LinkUse
    fields = ("resource", "place")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Link)
class LinkAdmin(ReadOnlyAdmin):
    list_display = ("url", "status", "status_code", "first_broken_at", "checked_at", "used")
    list_filter = (BrokenFilter, "status", ("first_broken_at", admin.DateFieldListFilter))
    search_fields = ("url", "final_url")
    readonly_fields = (
        "url",
        "status",
        "status_code",
        "method",
        "final_url",
        "redirects",
        "error",
        "checked_at",
        "first_broken_at",
        "last_ok_at",
    )
    exclude = ("url_hash",)
    inlines = [LinkUseInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(use_count=Count("uses"))

    @admin.display(description=_("places"), ordering="use_count")
    def used(self, obj):
        return obj.use_count


@admin.register(BrokenLink)
class BrokenLinkAdmin(ReadOnlyAdmin):
    """Broken links grouped by the resource they are in (the list is ordered by resource)."""

    list_display = ("resource_link", "place", "url", "status", "first_broken_at")
    list_select_related = ("resource", "link")
    list_filter = ("link__status", "resource__kind")
    search_fields = ("resource__title", "link__url")

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("resource"), ordering="resource__title")
    def resource_link(self, obj):
        from library.admin import admin_change_url

        return format_html('<a href="{}">{}</a>', admin_change_url(obj.resource), obj.resource.title)

    @admin.display(description=_("address"), ordering="link__url")
    def url(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:upkeep_link_change", args=[obj.link_id]), obj.link.url
        )

    @admin.display(description=_("status"))
    def status(self, obj):
        detail = f" ({obj.link.status_code})" if obj.link.status_code else ""
        return f"{obj.link.get_status_display()}{detail}{': ' + obj.link.error if obj.link.error else ''}"

    @admin.display(description=_("broken since"), ordering="link__first_broken_at")
    def first_broken_at(self, obj):
        return obj.link.first_broken_at


@admin.register(LinkCheckRun)
class LinkCheckRunAdmin(ReadOnlyAdmin):
    list_display = ("started_at", "finished_at", "checked", "broken", "note")


@admin.register(ChangeNotice)
class ChangeNoticeAdmin(ReadOnlyAdmin):
    """How far each notice of a new version has gone (personal data stays in the outbox's admin)."""

    list_display = ("version", "created_at", "queued", "finished_at")
    list_select_related = ("version__resource_file",)
    readonly_fields = ("version", "created_at", "updated_at", "cursor", "queued", "finished_at")


@admin.register(NoticeOptOut)
class NoticeOptOutAdmin(ReadOnlyAdmin):
    list_display = ("user", "resource", "created_at")
    list_select_related = ("user", "resource")
    search_fields = ("user__username", "user__email", "resource__title")
