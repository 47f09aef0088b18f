"""One events list page worked out in a fixed number of queries, whatever the page size:

1. a compact row per event of the base list (id, format, country, time zone, start, languages),
2. the (event, theme) pairs of those events,

then filters and facet counts in Python (each facet counts with every other active filter, as
the library's do), and the page's events fetched by id (events, their themes, the places taken).
Five thousand events make a few thousand small tuples: a few milliseconds.
"""

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Format, Registration
from library.facets import Choice, Facet
from library.geography import REGIONS, region_chain
from library.languages import LANGUAGE_NAMES
from library.models import Country
from library.themes import THEME_NAMES

FACETS = ("theme", "format", "region", "country", "language", "month")
TITLES = {
    "theme": _("Theme"),
    "format": _("Format"),
    "region": _("Region"),
    "country": _("Country"),
    "language": _("Language"),
    "month": _("Month"),
}


@lru_cache(maxsize=512)
def _zone(name):
    return ZoneInfo(name)


@lru_cache(maxsize=512)
def _regions(code):
    return frozenset(region_chain(code)) if code else frozenset()


@dataclass(slots=True)
class Row:
    id: int
    format: str
    country: str
    regions: frozenset
    languages: frozenset
    month: str
    themes: set


def rows_of(base):
    fields = ("id", "format", "country_id", "time_zone", "starts_at", "languages", "interpretation_languages")
    rows = []
    by_id = {}
    for pk, fmt, country, zone, starts_at, spoken, interpreted in base.values_list(*fields):
        month = starts_at.astimezone(_zone(zone)).strftime("%Y-%m")
        row = Row(pk, fmt, country or "", _regions(country), frozenset([*spoken, *interpreted]), month, set())
        rows.append(row)
        by_id[pk] = row
    through = Event.themes.through.objects.filter(event_id__in=base.values("id"))
    for event_id, slug in through.values_list("event_id", "theme__slug"):
        if event_id in by_id:
            by_id[event_id].themes.add(slug)
    return rows


def _as_set(value):
    return set(value) if isinstance(value, list) else {value}


def _matches(row, name, wanted):
    if name == "theme":
        return bool(row.themes & wanted)
    if name == "format":
        return row.format in wanted
    if name == "country":
        return row.country in wanted
    if name == "region":
        return bool(row.regions & wanted)
    if name == "language":
        return bool(row.languages & wanted)
    return row.month in wanted


def _values_of(row, name):
    if name == "theme":
        return row.themes
    if name == "format":
        return (row.format,)
    if name == "country":
        return (row.country,) if row.country else ()
    if name == "region":
        return row.regions
    if name == "language":
        return row.languages
    return (row.month,)


class EventListing:
    def __init__(self, filterset, base):
        self.filters = {name: _as_set(value) for name, value in filterset.values.items()}
        self.rows = rows_of(base)

    def _passing(self, skip=None):
        checks = [(name, wanted) for name, wanted in self.filters.items() if name != skip]
        return [row for row in self.rows if all(_matches(row, name, wanted) for name, wanted in checks)]

    @property
    def ids(self):
        return [row.id for row in self._passing()]

    def counts(self):
        counts = {}
        for name in FACETS:
            counter = Counter()
            for row in self._passing(skip=name):
                counter.update(_values_of(row, name))
            counts[name] = counter
        return counts

    def all_values(self, name):
        return {value for row in self.rows for value in _values_of(row, name)}


def label(name, value):
    if name == "theme":
        return str(THEME_NAMES.get(value, value))
    if name == "format":
        return str(dict(Format.choices).get(value, value))
    if name == "country":
        return Country(code=value).name
    if name == "region":
        return str(REGIONS[value][0]) if value in REGIONS else value
    if name == "language":
        return str(LANGUAGE_NAMES.get(value, value))
    return month_label(value)


def month_label(value):
    from django.utils.formats import date_format

    year, month = (int(part) for part in value.split("-"))
    return date_format(timezone.datetime(year, month, 1), "YEAR_MONTH_FORMAT")


def facets_for_display(counts, filterset, params):
    chosen = {name: {str(v) for v in _as_set(value)} for name, value in filterset.values.items()}
    facets = []
    for name in FACETS:
        facet = Facet(name, TITLES[name])
        for value, count in counts[name].items():
            if not count:
                continue
            selected = value in chosen.get(name, set())
            query = params.copy()
            query.pop("page", None)
            query.pop(name, None)
            if not selected:
                query[name] = value
            facet.choices.append(Choice(value, label(name, value), count, selected, query.urlencode()))
        if name == "month":
            facet.choices.sort(key=lambda choice: choice.value)
        else:
            facet.choices.sort(key=lambda choice: (-choice.count, choice.label))
        if facet.choices:
            facets.append(facet)
    return facets


def cards(ids, now=None):
    """The page's events in the order of `ids`, each with `places_left` (None: no limit): three queries."""
    now = now or timezone.now()
    events = {
        event.pk: event
        for event in Event.objects.filter(id__in=ids).select_related("country").prefetch_related("themes")
    }
    taken = dict(
        Registration.objects.filter(event_id__in=ids)
        .holding_place(now)
        .values("event_id")
        .annotate(n=Count("id"))
        .values_list("event_id", "n")
    )
    shown = []
    for pk in ids:
        event = events.get(pk)
        if event is None:
            continue
        event.places_left_now = None if event.capacity is None else max(event.capacity - taken.get(pk, 0), 0)
        shown.append(event)
    return shown


def ids_with_languages(queryset, codes):
    wanted = set(codes)
    return [
        pk
        for pk, spoken, interpreted in queryset.values_list("id", "languages", "interpretation_languages")
        if wanted & {*spoken, *interpreted}
    ]


def ids_in_month(queryset, month):
    return [
        pk
        for pk, zone, starts_at in queryset.values_list("id", "time_zone", "starts_at")
        if starts_at.astimezone(_zone(zone)).strftime("%Y-%m") == month
    ]
