"""One events list page worked out in a fixed number of queries, whatever the page size.

Every public event (published or cancelled) is kept as a compact row in an in-process index:
id, format, country and its regions, languages (spoken and interpreted), month in its own time
zone, themes, and its publication, start and end times. The index is keyed by the public version
(library.cache), which every save of an event and every change of its themes bumps, so a change
is seen by every process at its next request; times are compared on each request, so a scheduled
event appears and an event that ends moves to the past list with no change at all.

A list page is then: the public state (one query; the index is rebuilt in two when the version
moved), filters and facet counts in Python (each facet counts with every other active filter, as
the library's do), and the page's events fetched by id (events, their themes, places taken).
"""

import bisect
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.utils import timezone, translation

from events.models import PUBLIC_STATUSES, Event, Format, Registration, Status
from library.cache import public_state
from library.facets import facet_of_filter, region_choices_counted
from library.geography import REGIONS, region_chain
from library.languages import LANGUAGE_NAMES
from library.models import Country
from library.themes import THEME_NAMES

FACETS = ("theme", "format", "region", "country", "language", "month")


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
    themes: frozenset
    starts: float
    ends: float
    published: float
    cancelled: bool


def rows_of(queryset):
    """Compact rows of these events (two queries)."""
    fields = (
        "id", "format", "country_id", "time_zone", "starts_at", "ends_at", "published_at", "status",
        "languages", "interpretation_languages",
    )  # fmt: skip
    themes = {}
    through = Event.themes.through.objects.filter(event_id__in=queryset.values("id"))
    for event_id, slug in through.values_list("event_id", "theme__slug"):
        themes.setdefault(event_id, set()).add(slug)
    rows = []
    for (
        pk,
        fmt,
        country,
        zone,
        starts_at,
        ends_at,
        published_at,
        status,
        spoken,
        interpreted,
    ) in queryset.order_by().values_list(*fields):
        rows.append(
            Row(
                pk,
                fmt,
                country or "",
                _regions(country),
                frozenset([*spoken, *interpreted]),
                starts_at.astimezone(_zone(zone)).strftime("%Y-%m"),
                frozenset(themes.get(pk, ())),
                starts_at.timestamp(),
                ends_at.timestamp(),
                published_at.timestamp() if published_at else float("inf"),
                status == Status.CANCELLED,
            )
        )
    rows.sort(key=lambda row: (row.starts, row.id))
    return rows


_index = {"token": None, "rows": [], "moments": [], "themes": {}}
_index_lock = threading.Lock()
# worked-out lists (ids and counts) for the current index, each good until the next moment an
# event goes public or ends; a few hundred filter combinations at most are kept
_results = OrderedDict()
RESULTS_KEPT = 256
DERIVED_KEPT = 32


@dataclass
class Worked:
    """One list worked out: its ids in order, facet counts, and what pages derive from them
    (the filter panel's facets, a calendar), kept with it."""

    ids: list
    counts: dict
    derived_values: dict

    def derived(self, key, compute):
        if key not in self.derived_values:
            if len(self.derived_values) >= DERIVED_KEPT:  # addresses with odd extra parameters
                self.derived_values.clear()
            self.derived_values[key] = compute()
        return self.derived_values[key]


def _current_index():
    token = public_state().token
    if _index["token"] != token:
        with _index_lock:
            if _index["token"] != token:
                rows = rows_of(Event.objects.filter(status__in=PUBLIC_STATUSES))
                moments = sorted({moment for row in rows for moment in (row.published, row.ends)})
                _results.clear()
                themes = {row.id: row.themes for row in rows}
                _index.update(token=token, rows=rows, moments=moments, themes=themes)
    return _index


def public_rows():
    """Every published or cancelled event (publication time or not), from the in-process index."""
    return _current_index()["rows"]


def listed(*, past, now=None, cancelled=False, rows=None):
    """The rows of a list: public now, upcoming (soonest first) or past (latest first); cancelled
    events only when asked (the calendar keeps them, marked cancelled)."""
    moment = (now or timezone.now()).timestamp()
    rows = [
        row
        for row in (public_rows() if rows is None else rows)
        if row.published <= moment and (cancelled or not row.cancelled) and ((row.ends <= moment) == past)
    ]
    return rows[::-1] if past else rows


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
    def __init__(self, filterset, rows):
        self.filters = {name: _as_set(value) for name, value in filterset.values.items()}
        self.rows = rows

    @classmethod
    def worked_out(cls, filterset, *, past, cancelled=False, now=None):
        """The list as a Worked, from the in-process results when the same list was worked out
        since the index last changed and no event went public or ended since."""
        now = now or timezone.now()
        index = _current_index()
        filters = tuple(
            sorted(
                (name, tuple(sorted(map(str, _as_set(value))))) for name, value in filterset.values.items()
            )
        )
        key = (index["token"], past, cancelled, filters)
        moment = now.timestamp()
        found = _results.get(key)
        if found is not None and moment < found[0]:
            _results.move_to_end(key)
            return found[1]
        listing = cls(filterset, listed(past=past, now=now, cancelled=cancelled, rows=index["rows"]))
        worked = Worked(listing.ids, listing.counts(), {})
        position = bisect.bisect_right(index["moments"], moment)
        until = index["moments"][position] if position < len(index["moments"]) else float("inf")
        with _index_lock:
            _results[key] = (until, worked)
            while len(_results) > RESULTS_KEPT:
                _results.popitem(last=False)
        return worked

    def _passing(self, skip=None):
        checks = [(name, wanted) for name, wanted in self.filters.items() if name != skip]
        return [row for row in self.rows if all(_matches(row, name, wanted) for name, wanted in checks)]

    @property
    def ids(self):
        return [row.id for row in self._passing()]

    def counts(self):
        """{facet: Counter}: a facet that is not filtered counts over the rows that pass every
        filter (one pass for all of them); a filtered one over the rows passing the others."""
        passing = self._passing()
        counts = {}
        for name in FACETS:
            rows = self._passing(skip=name) if name in self.filters else passing
            counts[name] = Counter(chain.from_iterable(_values_of(row, name) for row in rows))
        return counts


def label(name, value):
    return _label(translation.get_language() or "", name, value)


@lru_cache(maxsize=4096)
def _label(language, name, value):
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


# facet -> whether several of its values may be picked (check boxes) or one (radio buttons, "any" first)
def panel_facets(counts, filterset):
    """The filter panel's facets (library.facets): each value with results (and the chosen ones,
    even without) with its count; regions are the continents and a finer one when chosen, as in
    the library's panel; months in time order."""
    facets = []
    for name in FACETS:
        shown = counts[name]
        if name == "region":
            chosen = filterset.values.get("region")
            shown = {slug: shown.get(slug, 0) for slug in region_choices_counted(chosen)}
        one = facet_of_filter(
            filterset,
            name,
            shown,
            lambda value, name=name: label(name, value),
            order=(lambda choice: choice.value) if name == "month" else None,
        )
        if one:
            facets.append(one)
    return facets


def cards(ids, now=None):
    """The page's events in the order of `ids`, each with `places_left_now` (None: no limit) and
    its theme names (from the index): two queries."""
    now = now or timezone.now()
    events = {event.pk: event for event in Event.objects.filter(id__in=ids).select_related("country")}
    themes = _index["themes"]  # the index the list was just worked out from (no second query)
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
        event.theme_labels = sorted(label("theme", slug) for slug in themes.get(pk, ()))
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
