"""Staff publishing of events (the resources' workflow: draft, review, published, cancelled;
scheduling; history) and the registrations: filters, CSV export, attendance, messages."""

import csv

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from reversion.admin import VersionAdmin

from events import mails, registration, workflow
from events.forms import MessageForm
from events.models import (
    ACTIVE_REGISTRATION,
    Event,
    EventMessage,
    EventStatusChange,
    Registration,
    Speaker,
    Status,
)
from library.admin_workflow import AdminLink, WorkflowAdminMixin
from library.exporting import csv_cell
from library.languages import CONTENT_LANGUAGES

# a change to one of these on a published event is news for everyone registered
CHANGE_NEWS = ("starts_at", "ends_at", "time_zone", "format", "venue", "city", "country", "joining_url")


class EventAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"), choices=CONTENT_LANGUAGES, widget=forms.CheckboxSelectMultiple, required=True
    )
    interpretation_languages = forms.MultipleChoiceField(
        label=_("interpretation into"),
        choices=CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Event
        fields = ["languages", "interpretation_languages"]  # the admin adds its fieldsets


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 1
    fields = ("position", "name", "role", "affiliation", "bio")


@admin.register(Event)
class EventAdmin(WorkflowAdminMixin, VersionAdmin):
    workflow = workflow.EVENTS
    form = EventAdminForm
    list_display = ("title", "status", "starts_at", "format", "country", "capacity", "registered")
    list_filter = ("status", "format", "access", "themes", ("starts_at", admin.DateFieldListFilter))
    search_fields = ("title", "slug", "summary", "city")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("themes", "country", "outcomes")
    date_hierarchy = "starts_at"
    inlines = [SpeakerInline]
    readonly_fields = ("status",)
    actions = ["submit_for_review", "publish_now", "unpublish"]  # cancelling, one event at a time
    workflow_help = _(
        "Editors write drafts and submit them for review; publishers publish (now, or at the publication "
        "time set above), unpublish and cancel. Cancelling tells every registrant by e-mail."
    )
    moved_message = ngettext_lazy("%(count)d event moved.", "%(count)d events moved.", "count")
    left_message = ngettext_lazy(
        "%(count)d event was left as it was: its state does not allow this move.",
        "%(count)d events were left as they were: their state does not allow this move.",
        "count",
    )
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "agenda", "themes")}),
        (_("When"), {"fields": ("starts_at", "ends_at", "time_zone")}),
        (_("Where"), {"fields": ("format", "venue", "city", "country", "joining_url", "joining_details")}),
        (_("Languages and access"), {"fields": ("languages", "interpretation_languages", "accessibility")}),
        (_("Registration"), {"fields": ("capacity", "registration_closes_at", "access")}),
        (_("Publishing"), {"fields": ("status", "published_at", "cancellation_note")}),
        (_("After the event"), {"fields": ("materials", "outcomes")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(
                active_count=Count("registrations", filter=Q(registrations__status__in=ACTIVE_REGISTRATION))
            )
        )

    @admin.display(description=_("registered"), ordering="active_count")
    def registered(self, obj):
        url = reverse("admin:events_registration_changelist") + f"?event__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.active_count)

    @staticmethod
    def _may_see_registrations(request):
        return request.user.has_perm("events.view_registration")

    def workflow_links(self, request, obj):
        links = []
        if self._may_see_registrations(request):
            url = reverse("admin:events_registration_changelist") + f"?event__id__exact={obj.pk}"
            links.append(AdminLink(url, _("Registrations")))
        if request.user.has_perm("events.message_registrants"):
            links.append(
                AdminLink(reverse("admin:events_event_message", args=[obj.pk]), _("Write to registrants"))
            )
        return links

    def save_model(self, request, obj, form, change):
        changed = []
        if change and obj.status == Status.PUBLISHED:
            before = Event.objects.get(pk=obj.pk)
            attnames = {f: Event._meta.get_field(f).attname for f in (*CHANGE_NEWS, "capacity")}
            changed = [f for f, a in attnames.items() if getattr(before, a) != getattr(obj, a)]
        news = [str(Event._meta.get_field(f).verbose_name) for f in changed if f != "capacity"]
        if news:
            obj.sequence += 1
        super().save_model(request, obj, form, change)
        request.event_news = news
        request.capacity_changed = "capacity" in changed

    def related_saved(self, request, event, change):
        if getattr(request, "event_news", None):
            count = mails.event_changed(event, request.event_news)
            self.message_user(
                request,
                ngettext(
                    "%(count)d registrant will be told of the change by e-mail.",
                    "%(count)d registrants will be told of the change by e-mail.",
                    count,
                )
                % {"count": count},
            )
        if getattr(request, "capacity_changed", False):
            registration.settle_event(event)

    # --- message every registrant -------------------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view(self.message_view)
        return [path("<int:event_id>/message/", view, name="events_event_message"), *super().get_urls()]

    def message_view(self, request, event_id):
        if not request.user.has_perm("events.message_registrants"):
            raise PermissionDenied
        event = get_object_or_404(Event, pk=event_id)
        form = MessageForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                message = EventMessage.objects.create(event=event, sent_by=request.user, **form.cleaned_data)
                message.recipients = mails.staff_message(event, message)
                message.save(update_fields=["recipients"])
            self.message_user(
                request,
                ngettext(
                    "The message is queued for %(count)d registrant.",
                    "The message is queued for %(count)d registrants.",
                    message.recipients,
                )
                % {"count": message.recipients},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Write to everyone registered for “%(event)s”") % {"event": event},
            "event": event,
            "form": form,
            "recipients": event.registrations.active().count(),
            "opts": self.model._meta,
        }
        return render(request, "admin/events/event/message.html", context, status=400 if form.errors else 200)


@admin.register(EventStatusChange)
class EventStatusChangeAdmin(admin.ModelAdmin):
    list_display = ("at", "event", "from_status", "to_status", "published_at", "by")
    list_filter = ("transition", "to_status")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AttendanceFilter(admin.SimpleListFilter):
    title = _("attended")
    parameter_name = "attended"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Not marked"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "yes":
            return queryset.filter(attended=True)
        if value == "no":
            return queryset.filter(attended=False)
        if value == "unknown":
            return queryset.filter(attended__isnull=True)
        return queryset


EXPORT_COLUMNS = [
    ("event", lambda r: r.event.title),
    ("event_start", lambda r: r.event.starts_at.isoformat()),
    ("name", lambda r: r.name),
    ("email", lambda r: r.email),
    ("organisation", lambda r: r.organisation),
    ("country", lambda r: r.country.code if r.country else ""),
    ("language", lambda r: r.language),
    ("needs", lambda r: r.needs),
    ("status", lambda r: r.status),
    ("registered", lambda r: r.created_at.isoformat()),
    ("attended", lambda r: "" if r.attended is None else ("yes" if r.attended else "no")),
]


class _Line:
    def write(self, value):
        return value


def registration_csv(queryset):
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([name for name, _get in EXPORT_COLUMNS])
    for entry in queryset.select_related("event").iterator(chunk_size=500):
        yield writer.writerow([csv_cell(get(entry)) for _name, get in EXPORT_COLUMNS])


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Personal data: only staff given the registration permissions (group “Event organisers”)."""

    list_display = ("name", "email", "event", "status", "organisation", "country", "created_at", "attended")
    list_filter = ("status", AttendanceFilter, "language", ("event", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("event",)
    search_fields = ("name", "email", "organisation", "event__title")
    date_hierarchy = "created_at"
    actions = ["export_csv", "mark_attended", "mark_absent"]
    fields = (
        "event", "name", "email", "organisation", "country", "language", "needs", "status", "email_verified",
        "hold_expires_at", "created_at", "confirmed_at", "promoted_at", "cancelled_at", "consented_at",
        "anonymised_at", "attended",
    )  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        return [name for name in self.fields if name != "attended"]

    def has_add_permission(self, request):
        return False  # people register themselves; staff never type someone else's consent

    def has_export_permission(self, request):
        return request.user.has_perm("events.export_registration")

    @admin.action(description=_("Export selected registrations as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        response = StreamingHttpResponse(
            registration_csv(queryset.order_by("event_id", "created_at", "id")),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="registrations.csv"'
        return response

    def _mark(self, request, queryset, value):
        count = queryset.update(attended=value)
        self.message_user(
            request,
            ngettext("%(count)d registration marked.", "%(count)d registrations marked.", count)
            % {"count": count},
        )

    @admin.action(description=_("Mark as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        self._mark(request, queryset, True)

    @admin.action(description=_("Mark as not attended"), permissions=["change"])
    def mark_absent(self, request, queryset):
        self._mark(request, queryset, False)


@admin.register(EventMessage)
class EventMessageAdmin(admin.ModelAdmin):
    list_display = ("subject", "event", "sent_by", "sent_at", "recipients")
    readonly_fields = ("event", "subject", "body", "sent_by", "sent_at", "recipients")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
