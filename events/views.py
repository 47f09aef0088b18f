"""Public pages of the events: lists, one event, registration, the registrant's own page, calendars."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from events import calendars, links, listing, structured_data
from events.filters import EventFilter
from events.forms import RegistrationForm
from events.models import Event, RegistrationStatus
from events.registration import RegistrationRefused, cancel, confirm, may_register, register
from library import rate_limits
from library.client_address import client_ip
from library.filters import active_filters
from library.pagination import page_or_answer

CALENDAR_TYPE = "text/calendar; charset=utf-8"


@require_safe
def event_list(request, past=False):
    """A list, or the 400/404 answer to a page number it has no page for; 400 when a filter is
    not understood (the panel still shows with the valid ones)."""
    filterset = EventFilter(request.GET or None, queryset=Event.objects.none())
    worked = listing.EventListing.worked_out(filterset, past=past)
    params = request.GET.copy()
    params.pop("page", None)
    page, answer = page_or_answer(request, worked.ids, settings.EVENTS_PAGE_SIZE, params)
    if answer:
        return answer
    query = params.urlencode()
    facets = worked.derived(
        ("facets", get_language(), query), lambda: listing.panel_facets(worked.counts, filterset)
    )
    context = {
        "filterset": filterset,
        "page_obj": page,
        "events": listing.cards(list(page.object_list)),
        "facets": facets,
        "active_filters": active_filters(filterset, request.GET) if filterset.is_bound else [],
        "query_without_page": query,
        "past": past,
        "calendar_url": _with_query(reverse("events:calendar"), params) if not past else "",
    }
    status = 400 if filterset.is_bound and not filterset.is_valid() else 200
    return render(request, "events/event_list.html", context, status=status)


def _with_query(url, params):
    query = params.urlencode()
    return f"{url}?{query}" if query else url


def _public_or_staff(request, slug):
    event = get_object_or_404(Event.objects.select_related("country"), slug=slug)
    if not event.is_public and not (request.user.is_staff and request.user.has_perm("events.view_event")):
        raise Http404
    return event


def _own_registration(request, event):
    if not request.user.is_authenticated:
        return None
    return event.registrations.active().filter(user=request.user).first()


@require_safe
def event_detail(request, slug):
    event = _public_or_staff(request, slug)
    own = _own_registration(request, event)
    outcomes = event.outcomes.published().order_by("-published_at") if event.is_past else []
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "speakers": event.speakers.all(),
            "places_left": event.places_left(),
            "registration_open": event.registration_open(),
            "own_registration": own,
            "show_joining": own is not None and own.status == RegistrationStatus.CONFIRMED,
            "outcomes": outcomes,
            "json_ld": structured_data.event_script(event, request),
        },
    )


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.public().select_related("country"), slug=slug)
    response = HttpResponse(calendars.calendar([event], name=event.title), content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_safe
def calendar_ics(request):
    """Every upcoming public event (cancelled ones too, marked so), narrowed by the list's parameters."""
    filterset = EventFilter(request.GET or None, queryset=Event.objects.none())
    if filterset.is_bound and not filterset.is_valid():
        return HttpResponse(
            _("Some of the calendar's parameters could not be understood."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    worked = listing.EventListing.worked_out(filterset, past=False, cancelled=True)

    def build():
        events = Event.objects.filter(id__in=worked.ids).select_related("country").order_by("starts_at", "id")
        return calendars.calendar(events, name=_("Events of the democracy resource library"))

    body = worked.derived(("calendar", get_language()), build)
    return HttpResponse(body, content_type=CALENDAR_TYPE)


def _refused(request, event, message, status):
    return render(request, "events/refused.html", {"event": event, "message": message}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register_view(request, slug):
    event = get_object_or_404(Event.objects.public().select_related("country"), slug=slug)
    if event.partners_only and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_register(request.user, event):
        return render(request, "events/partners_only.html", {"event": event}, status=403)
    if not event.registration_open():
        return _refused(request, event, _("Registration for this event is closed."), 409)
    form = RegistrationForm(request.POST or None, user=request.user)
    places_left = event.places_left()
    if request.method == "POST":
        if not rate_limits.allow(
            "event-registration",
            client_ip(request),
            limit=settings.EVENTS_REGISTRATIONS_PER_HOUR,
            per_seconds=3600,
        ) or not rate_limits.allow(
            "event-registration-email",
            request.POST.get("email", "").strip().lower(),
            limit=settings.EVENTS_REGISTRATIONS_PER_HOUR,
            per_seconds=3600,
        ):
            response = _refused(
                request,
                event,
                _("Too many registrations from here in the last hour. Please try again later."),
                429,
            )
            response["Retry-After"] = str(rate_limits.retry_after(3600))
            return response
        if form.is_valid():
            try:
                registration = register(event, form.applicant(), user=request.user)
            except RegistrationRefused as refusal:
                form.add_error(None, str(refusal.message))
                status = refusal.status
            else:
                messages.success(request, _result_message(registration))
                return redirect(event.get_absolute_url())
        else:
            status = 400
        return render(
            request,
            "events/register.html",
            {"event": event, "form": form, "places_left": places_left},
            status=status,
        )
    return render(request, "events/register.html", {"event": event, "form": form, "places_left": places_left})


def _result_message(registration):
    if registration.status == RegistrationStatus.CONFIRMED:
        return _("Your place is confirmed. We have e-mailed you the details and a calendar entry.")
    if registration.status == RegistrationStatus.PENDING:
        return _(
            "Almost done: we have e-mailed you a link. Follow it within %(hours)d hours to confirm your place."
        ) % {"hours": settings.EVENTS_CONFIRMATION_HOURS}
    return _(
        "The event is full, so you are on the waiting list. We will e-mail you as soon as a place is yours."
    )


def _from_link(token, purpose):
    try:
        return links.registration_for(token, purpose)
    except links.BadLink:
        return None


def _bad_link(request):
    return render(request, "events/bad_link.html", status=404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_view(request, token):
    """GET shows a button (mail scanners follow links; they must not take a place), POST confirms."""
    registration = _from_link(token, links.CONFIRM)
    if registration is None:
        return _bad_link(request)
    if request.method == "POST":
        registration = confirm(registration)
        return redirect(links.path_for(registration, links.MANAGE))
    return render(request, "events/confirm.html", {"registration": registration, "event": registration.event})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def registration_view(request, token):
    """The registrant's own page, reached by the signed link in every e-mail: status, joining
    details when confirmed, and cancellation (POST)."""
    registration = _from_link(token, links.MANAGE)
    if registration is None:
        return _bad_link(request)
    if request.method == "POST":
        if request.POST.get("action") != "cancel":
            return HttpResponse(_("Unknown action."), status=400, content_type="text/plain; charset=utf-8")
        was_active = registration.is_active
        registration = cancel(registration)
        if was_active:
            messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return redirect(links.path_for(registration, links.MANAGE))
    event = registration.event
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": event,
            "show_joining": registration.status == RegistrationStatus.CONFIRMED,
            "waiting_position": registration.waiting_position(),
        },
    )
