"""The events in the open-data API: /api/v1/events/ and /api/v1/events/<slug>/.

The gate is the events pages' own: Event.objects.public() (published or cancelled, publication
time come). The list is the events list's (events.filters.EventFilter validates the parameters,
events.listing works the list out over its in-process index), so `theme`, `format`, `country`,
`region`, `language` and `month` mean what they mean on /events/; `when=past` is /events/past/
(latest first), the default `upcoming` is /events/ (soonest first, an event under way included).
Like those lists, the API list leaves cancelled events out; an event's own address still answers,
with `status: cancelled`, as its page does.

Partner-only events are public pages (only registering asks for a partner sign-in), so they are
listed and shown like the others, marked `access: partners`, as a partner-only file of a resource
is. No answer holds personal data or what only confirmed participants see: no registrant, no
joining link or details, no capacity (only `places_left`), nothing of who edited the event.
"""

import bisect

from django import forms
from django.conf import settings
from django.db.models import Count, Min, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.settings import api_settings

from api.conditional import conditional
from api.errors import BadParameters
from api.parameters import single_values
from api.serializers import LinkedResourceSerializer, absolute
from events import listing
from events.filters import EventFilter
from events.models import Event, Format, Registration, Speaker, Status
from library.languages import CONTENT_LANGUAGES
from library.models.files import Access
from library.templatetags.library_tags import markdown
from library.themes import THEMES

WHEN = ("upcoming", "past")
API_PARAMETERS = ("when", "cursor", "page_size")


# --- what changes the answers besides the public version -----------------------------------------
def events_state():
    """(text for the ETag, seconds it holds for): the places held (a registration, a cancellation,
    a promotion from the waiting list, a hold running out) and the next moment an event goes
    public, starts, ends or closes its registration. Two small queries and the events index."""
    now = timezone.now()
    held = Registration.objects.holding_place(now).aggregate(
        n=Count("id"), s=Sum("id"), hold=Min("hold_expires_at", filter=Q(hold_expires_at__gt=now))
    )
    closes = (
        Event.objects.public()
        .filter(registration_closes_at__gt=now)
        .aggregate(at=Min("registration_closes_at"))["at"]
    )
    moment = now.timestamp()
    coming = [
        t
        for row in listing.public_rows()
        for t in (row.published, row.starts, row.ends)
        if moment < t < float("inf")
    ]
    coming += [t.timestamp() for t in (held["hold"], closes) if t is not None]
    following = min(coming, default=None)
    cap = None if following is None else max(int(following - moment), 0)
    return f"events\x1f{held['n']}\x1f{held['s']}\x1f{following}", cap


events_conditional = method_decorator(
    lambda view: conditional(view, more_state=events_state), name="dispatch"
)


# --- `format` is the events list's filter, not DRF's renderer choice ----------------------------
class _FormatIsAFilter:
    URL_FORMAT_OVERRIDE = None

    def __getattr__(self, name):
        return getattr(api_settings, name)


class FormatIsAFilter(DefaultContentNegotiation):
    """DRF reads `?format=` as the renderer to use (a 404 for `format=online`); on the events list
    it is the events list's format filter, so DRF's reading is turned off there (JSON only)."""

    settings = _FormatIsAFilter()


# --- parameters -------------------------------------------------------------------------------------
class EventListParameters(forms.Form):
    when = forms.ChoiceField(required=False, choices=[(w, w) for w in WHEN])
    cursor = forms.CharField(required=False, max_length=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page_size"] = forms.IntegerField(
            required=False, min_value=1, max_value=settings.API_MAX_PAGE_SIZE
        )


def validated(params):
    filterset = EventFilter(params, queryset=Event.objects.none())
    known = set(filterset.filters) | set(API_PARAMETERS)
    errors = {}
    for name in params:
        if name == "page":
            errors[name] = ["This API pages with `cursor`: follow the `next` address of each answer."]
        elif name not in known:
            errors[name] = [f"Unknown parameter. Known: {', '.join(sorted(known))}."]
    errors.update(single_values(params, ("when", "cursor", "page_size", "region", "month")))
    api = EventListParameters({name: params.get(name) for name in API_PARAMETERS if name in params})
    if not api.is_valid():
        errors.update(api.errors)
    if not filterset.is_valid():
        errors.update(filterset.form.errors)
    if errors:
        raise BadParameters(errors)
    return filterset, api.cleaned_data


def list_parameters():
    return [
        OpenApiParameter(
            "when",
            OpenApiTypes.STR,
            enum=list(WHEN),
            description="upcoming (the default: not over yet, soonest first) or past (latest first).",
        ),
        OpenApiParameter(
            "theme",
            OpenApiTypes.STR,
            many=True,
            explode=True,
            enum=[slug for slug, _label in THEMES],
            description="Theme slug; repeat for several (any of them).",
        ),
        OpenApiParameter(
            "format",
            OpenApiTypes.STR,
            many=True,
            explode=True,
            enum=list(Format.values),
            description="online, in-person or hybrid; repeat for several.",
        ),
        OpenApiParameter(
            "country", OpenApiTypes.STR, many=True, explode=True, description="ISO 3166-1 alpha-2 code."
        ),
        OpenApiParameter("region", OpenApiTypes.STR, description="UN M49 region slug."),
        OpenApiParameter(
            "language",
            OpenApiTypes.STR,
            many=True,
            explode=True,
            enum=[code for code, _name in CONTENT_LANGUAGES],
            description="ISO 639-1 code, spoken or interpreted into; repeat for several.",
        ),
        OpenApiParameter("month", OpenApiTypes.STR, description="YYYY-MM, in the event's own time zone."),
        OpenApiParameter(
            "cursor", OpenApiTypes.STR, description="From the `next` address of the previous page."
        ),
        OpenApiParameter(
            "page_size", OpenApiTypes.INT, description="Events per page, 1 to API_MAX_PAGE_SIZE (100)."
        ),
    ]


# --- paging: the key (start, id) of the last event of a page -------------------------------------
def page(ids, rows, when, cursor, size):
    def key(pk):
        return (round(rows[pk].starts * 1_000_000), pk)

    keys = [key(pk) for pk in ids]  # ascending for upcoming, descending for past
    start = 0
    if cursor is not None:
        last = (int(cursor["t"]), int(cursor["i"]))
        if when == "upcoming":
            start = bisect.bisect_right(keys, last)
        else:
            start = bisect.bisect_right([(-t, -i) for t, i in keys], (-last[0], -last[1]))
    chosen = ids[start : start + size]
    if start + size >= len(ids):
        return chosen, None
    t, i = key(chosen[-1])
    return chosen, {"s": f"events-{when}", "t": t, "i": i}


# --- serializers -------------------------------------------------------------------------------------
class EventSummarySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    summary = serializers.CharField()
    status = serializers.ChoiceField(
        choices=[(Status.PUBLISHED, "published"), (Status.CANCELLED, "cancelled")],
        help_text="`cancelled`: the event will not take place (its page says why)",
    )
    format = serializers.ChoiceField(choices=Format.choices)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField(help_text="IANA name, e.g. Africa/Nairobi")
    city = serializers.CharField()
    country = serializers.CharField(source="country_id", allow_null=True, help_text="ISO 3166-1 alpha-2")
    languages = serializers.ListField(child=serializers.CharField(), help_text="ISO 639-1, spoken")
    interpretation_languages = serializers.ListField(child=serializers.CharField())
    themes = serializers.SerializerMethodField(help_text="theme slugs")
    access = serializers.ChoiceField(
        choices=Access.choices, help_text="`partners`: registering asks for a partner organisation's sign-in"
    )
    places_left = serializers.SerializerMethodField(
        help_text="null when there is no limit or the event is over or cancelled; 0: full (waiting list)"
    )
    registration_open = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="The event's public page")
    api_url = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField(help_text="The event as an iCalendar file")

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_themes(self, event):
        return sorted(self.context["themes"].get(event.pk, ()))

    def get_places_left(self, event) -> int | None:
        if event.is_past or event.is_cancelled or event.capacity is None:
            return None
        return max(event.capacity - self.context["taken"].get(event.pk, 0), 0)

    def get_registration_open(self, event) -> bool:
        return event.registration_open()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, event):
        return absolute(self.context, event.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, event):
        return absolute(self.context, reverse("api:event-detail", kwargs={"slug": event.slug}))

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, event):
        return absolute(self.context, reverse("events:ics", kwargs={"slug": event.slug}))


class SpeakerSerializer(serializers.Serializer):
    """What the event page shows of a speaker (people who agreed to be named on it)."""

    name = serializers.CharField()
    role = serializers.ChoiceField(choices=Speaker.Role.choices)
    affiliation = serializers.CharField()
    bio = serializers.CharField()


class EventDetailSerializer(EventSummarySerializer):
    venue = serializers.CharField(help_text="Venue and address (in person or hybrid)")
    agenda = serializers.CharField(help_text="Markdown, as written")
    agenda_html = serializers.SerializerMethodField()
    accessibility = serializers.CharField()
    cancellation_note = serializers.SerializerMethodField()
    materials = serializers.SerializerMethodField(
        help_text="Markdown; after the event (the page shows it then)"
    )
    speakers = SpeakerSerializer(many=True, source="speakers.all")
    outcomes = serializers.SerializerMethodField(
        help_text="Published resources written from the event (after it)"
    )

    def get_agenda_html(self, event) -> str:
        return str(markdown(event.agenda))

    def get_cancellation_note(self, event) -> str:
        return event.cancellation_note if event.is_cancelled else ""

    def get_materials(self, event) -> str:
        return event.materials if event.is_past else ""

    @extend_schema_field(LinkedResourceSerializer(many=True))
    def get_outcomes(self, event):
        if not event.is_past:
            return []
        found = event.outcomes.published().order_by("-published_at")
        return LinkedResourceSerializer(found, many=True, context=self.context).data


def taken_places(ids):
    now = timezone.now()
    return dict(
        Registration.objects.filter(event_id__in=ids)
        .holding_place(now)
        .values("event_id")
        .annotate(n=Count("id"))
        .values_list("event_id", "n")
    )


__all__ = ["EventDetailSerializer", "EventSummarySerializer", "events_conditional", "page", "validated"]
