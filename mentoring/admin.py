"""Staff see every mentor, request and mentorship here: approve, pause or remove mentors, find a
mentor for a request made to the fund (suggestions with their scores explained), turn the
lessons of a closed mentorship into a case-study draft, and the report with its CSV."""

import csv
from datetime import date, datetime, time, timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library.exporting import csv_cell
from library.statistics import PeriodForm
from mentoring import access, casestudy, matching, report, services
from mentoring.models import Goal, Lesson, MentorProfile, Mentorship, ProfileStatus, SessionNote


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ("display_name", "status", "accepting", "capacity", "years_of_experience", "created_at")
    list_filter = ("status", "accepting", "themes")
    search_fields = ("display_name", "biography")
    # the status moves only through the actions, which record who reviewed and mail an approval
    readonly_fields = ("user", "status", "language", "reviewed_by", "reviewed_at", "created_at", "updated_at")
    filter_horizontal = ("themes", "countries")
    autocomplete_fields = ()
    exclude = ("tags", "regions")
    actions = ["approve", "pause", "remove"]

    def has_add_permission(self, request):
        return False  # a person offers to mentor themselves, from /accounts/

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_regions()  # the countries may have changed: the directory's index follows

    def _review(self, request, queryset, status):
        count = 0
        for profile in queryset.exclude(status=status):
            services.review_profile(profile, status, request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d profile changed.", "%(count)d profiles changed.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Approve: list in the directory"), permissions=["change"])
    def approve(self, request, queryset):
        self._review(request, queryset, ProfileStatus.APPROVED)

    @admin.action(description=_("Pause: hide from the directory for now"), permissions=["change"])
    def pause(self, request, queryset):
        self._review(request, queryset, ProfileStatus.PAUSED)

    @admin.action(description=_("Remove from the directory"), permissions=["change"])
    def remove(self, request, queryset):
        self._review(request, queryset, ProfileStatus.REMOVED)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class GoalInline(ReadOnlyInline):
    model = Goal
    fields = ("text", "author", "created_at")
    readonly_fields = fields


class NoteInline(ReadOnlyInline):
    model = SessionNote
    fields = ("met_on", "text", "author", "created_at")
    readonly_fields = fields


class LessonInline(ReadOnlyInline):
    model = Lesson
    fields = ("text", "consent", "author", "created_at")
    readonly_fields = fields


EXPORT_COLUMNS = [
    ("id", _("id")),
    ("status", _("status")),
    ("theme", _("theme")),
    ("region", _("region")),
    ("mentor", _("mentor")),
    ("meeting_language", _("preferred language")),
    ("created_at", _("asked")),
    ("answered_at", _("answered")),
    ("hours_to_answer", _("hours to first answer")),
    ("started_at", _("started")),
    ("closed_at", _("closed")),
]


def export_row(mentorship):
    hours = ""
    if mentorship.answered_at:
        hours = round((mentorship.answered_at - mentorship.created_at).total_seconds() / 3600, 1)
    values = {
        "id": mentorship.pk,
        "status": mentorship.status,
        "theme": mentorship.theme.slug,
        "region": mentorship.region,
        "mentor": mentorship.mentor.display_name if mentorship.mentor_id else "",
        "meeting_language": mentorship.meeting_language,
        "created_at": mentorship.created_at.isoformat(),
        "answered_at": mentorship.answered_at.isoformat() if mentorship.answered_at else "",
        "hours_to_answer": hours,
        "started_at": mentorship.started_at.isoformat() if mentorship.started_at else "",
        "closed_at": mentorship.closed_at.isoformat() if mentorship.closed_at else "",
    }
    return [csv_cell(values[key]) for key, _label in EXPORT_COLUMNS]


def csv_download(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(label) for label in header])
    for row in rows:
        writer.writerow(row)
    return response


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "theme", "region", "created_at", "answered_at")
    list_filter = ("status", "theme", "region", ("mentor", admin.EmptyFieldListFilter))
    list_select_related = ("theme", "mentor")
    date_hierarchy = "created_at"
    readonly_fields = (
        "mentee",
        "mentor",
        "status",
        "goal",
        "theme",
        "meeting_language",
        "frequency",
        "mentee_language",
        "region",
        "answer",
        "created_at",
        "answered_at",
        "started_at",
        "closed_at",
        "closed_by",
        "case_study",
    )
    inlines = [GoalInline, NoteInline, LessonInline]
    actions = ["export_csv"]
    change_form_template = "mentoring/admin/mentorship_change_form.html"
    change_list_template = "mentoring/admin/mentorship_change_list.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/match/", wrap(self.match_view), name="mentoring_mentorship_match"),
            path("<int:pk>/case-study/", wrap(self.case_study_view), name="mentoring_mentorship_case_study"),
            path("report/", wrap(self.report_view), name="mentoring_mentorship_report"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Export the selected requests as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        rows = (
            export_row(m) for m in queryset.select_related("theme", "mentor").order_by("created_at", "id")
        )
        return csv_download("mentoring-requests.csv", [label for _key, label in EXPORT_COLUMNS], rows)

    def match_view(self, request, pk):
        if not access.may_assign(request.user):
            raise PermissionDenied
        mentorship = get_object_or_404(Mentorship.objects.select_related("theme", "mentee"), pk=pk)
        if request.method == "POST":
            mentor = (
                MentorProfile.objects.filter(pk=request.POST.get("mentor") or 0).first()
                if (request.POST.get("mentor", "").isdigit())
                else None
            )
            if mentor is None:
                self.message_user(request, _("Choose one of the suggested mentors."), messages.ERROR)
            else:
                try:
                    services.assign(mentorship, mentor, request.user)
                except services.StepRefused as error:
                    self.message_user(request, str(error), messages.ERROR)
                else:
                    self.message_user(
                        request,
                        _("%(name)s was asked to mentor.") % {"name": mentor.display_name},
                        messages.SUCCESS,
                    )
                    return redirect("admin:mentoring_mentorship_change", mentorship.pk)
        elif request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "POST"])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Suggested mentors"),
            "mentorship": mentorship,
            "open": mentorship.status == "requested" and mentorship.mentor_id is None,
            "suggestions": matching.suggestions(mentorship),
        }
        return TemplateResponse(request, "mentoring/admin/match.html", context)

    def case_study_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        mentorship = get_object_or_404(Mentorship, pk=pk)
        try:
            case_study, created = casestudy.draft_case_study(mentorship, request.user)
        except services.StepRefused as error:
            self.message_user(request, str(error), messages.ERROR)
            return redirect("admin:mentoring_mentorship_change", mentorship.pk)
        self.message_user(
            request,
            _("A case-study draft was written from the lessons.")
            if created
            else _("This is the draft written before."),
            messages.SUCCESS,
        )
        return redirect(reverse("admin:casestudies_casestudy_change", args=[case_study.pk]))

    def report_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = PeriodForm(request.GET or None)
        valid = form.is_valid() if form.is_bound else True
        since = until = None
        if form.is_bound and valid:
            zone = timezone.get_current_timezone()
            if form.cleaned_data.get("since"):
                since = datetime.combine(form.cleaned_data["since"], time.min, tzinfo=zone)
            chosen_until = form.cleaned_data.get("until")
            if chosen_until and chosen_until < date.max:
                until = datetime.combine(chosen_until + timedelta(days=1), time.min, tzinfo=zone)
        if valid and request.GET.get("format") == "csv":
            rows = list(report.csv_rows(since, until))
            return csv_download(
                "mentoring-report.csv", rows[0], ([csv_cell(v) for v in row] for row in rows[1:])
            )
        query = request.GET.copy()
        query["format"] = "csv"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Mentoring report"),
            "form": form,
            "figures": report.figures(since, until) if valid else None,
            "csv_query": query.urlencode(),
        }
        return TemplateResponse(request, "mentoring/admin/report.html", context, status=200 if valid else 400)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        extra_context["may_assign"] = access.may_assign(request.user)
        return super().changeform_view(request, object_id, form_url, extra_context)
