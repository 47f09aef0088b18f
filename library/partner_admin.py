"""Admin for partner organisations, memberships and the download log with its statistics."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library.models import DownloadLog, Membership, PartnerOrganisation
from library.statistics import REPORTS, PeriodForm, csv_response


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)
    fields = ("user", "started", "ended")


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "contact_name", "contact_email", "active", "current_members")
    list_filter = ("active", "country__region")
    search_fields = ("name", "contact_name", "contact_email")
    autocomplete_fields = ("country",)
    inlines = [MembershipInline]
    actions = ["deactivate"]

    def get_queryset(self, request):
        now = timezone.now()
        current = Q(memberships__started__lte=now) & (
            Q(memberships__ended__isnull=True) | Q(memberships__ended__gt=now)
        )
        return super().get_queryset(request).annotate(member_count=Count("memberships", filter=current))

    @admin.display(description=_("current members"), ordering="member_count")
    def current_members(self, obj):
        return obj.member_count

    @admin.action(description=_("Deactivate: close partner-only files to all their members now"))
    def deactivate(self, request, queryset):
        count = queryset.update(active=False)
        self.message_user(
            request,
            ngettext("%(count)d organisation deactivated.", "%(count)d organisations deactivated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


class CurrentFilter(admin.SimpleListFilter):
    title = _("current")
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return [("yes", _("Current")), ("no", _("Ended or not started"))]

    def queryset(self, request, queryset):
        current = Membership.objects.current().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=current)
        if self.value() == "no":
            return queryset.exclude(pk__in=current)
        return queryset


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "started", "ended", "current")
    list_filter = (CurrentFilter, "organisation")
    search_fields = ("user__username", "user__email", "organisation__name")
    autocomplete_fields = ("user", "organisation")
    list_select_related = ("user", "organisation")
    actions = ["end_now"]

    @admin.display(description=_("current"), boolean=True)
    def current(self, obj):
        return obj.is_current

    @admin.action(description=_("End these memberships now"))
    def end_now(self, request, queryset):
        count = queryset.filter(ended__isnull=True).update(ended=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d membership ended.", "%(count)d memberships ended.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(DownloadLog)
class DownloadLogAdmin(admin.ModelAdmin):
    list_display = ("time", "file", "resource", "user", "organisation", "in_bundle")
    list_filter = ("in_bundle", "organisation", ("time", admin.DateFieldListFilter))
    search_fields = ("resource__title", "file__title", "user__username", "organisation__name")
    list_select_related = ("file", "resource", "user", "organisation")
    date_hierarchy = "time"
    change_list_template = "admin/library/downloadlog/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "statistics/<str:report>/",
                self.admin_site.admin_view(self.statistics_view),
                name="library_downloadlog_statistics",
            ),
            *super().get_urls(),
        ]

    def statistics_view(self, request, report):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if report not in REPORTS:
            raise Http404
        spec = REPORTS[report]
        form = PeriodForm(request.GET or None)
        valid = form.is_valid() if form.is_bound else True
        rows = spec["rows"](form.downloads() if form.is_bound and valid else DownloadLog.objects.all())
        if valid and request.GET.get("format") == "csv":
            return csv_response(spec, rows, f"downloads-per-{report[:-1]}.csv")
        query = request.GET.copy()
        query["format"] = "csv"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": spec["title"],
            "form": form,
            "columns": [label for _key, label in spec["columns"]],
            "rows": [[row[key] for key, _label in spec["columns"]] for row in rows] if valid else [],
            "csv_query": query.urlencode(),
            "reports": [(name, item["title"]) for name, item in REPORTS.items()],
            "current_report": report,
        }
        return TemplateResponse(
            request, "admin/library/downloadlog/statistics.html", context, status=200 if valid else 400
        )
