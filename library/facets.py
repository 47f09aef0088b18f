"""Facet counts beside the list: for each choice, how many results picking it would give with the
other active filters. One query per facet (the kind, language and year counts share one when
their own filters are off), whatever the page size."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Func, IntegerField
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from library.geography import REGIONS
from library.languages import LANGUAGE_NAMES
from library.models import Country, Resource
from library.models.resources import Kind

# facet -> the query parameters its own counts leave out
OWN_PARAMETERS = {
    "kind": ("kind",),
    "theme": ("theme",),
    "region": ("region",),
    "country": ("country",),
    "language": ("language",),
    "year": ("year_from", "year_to"),
}
SCALAR = {"kind": "kind", "language": "language", "year": "year"}
TITLES = {
    "kind": _("Kind"),
    "theme": _("Theme"),
    "region": _("Region"),
    "country": _("Country"),
    "language": _("Language"),
    "year": _("Year"),
}


class PublicationYear(Func):
    """The year of `published_at` (UTC). On SQLite, read from the stored ISO text: Django's
    ExtractYear calls a Python function per row there."""

    output_field = IntegerField()

    def __init__(self):
        super().__init__("published_at")

    def as_sql(self, compiler, connection, **extra):
        return ExtractYear(*self.source_expressions).as_sql(compiler, connection, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="CAST(substr(%(expressions)s, 1, 4) AS integer)")


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool
    query: str = ""  # the address's query string once this choice is picked (or dropped)


@dataclass
class Facet:
    name: str
    title: str
    choices: list[Choice] = field(default_factory=list)


def facet_counts(filterset, *, skip=()) -> dict[str, Counter]:
    """{facet name: Counter(value -> resources)}."""
    active = filterset.active_parameters()
    counts: dict[str, Counter] = {}
    # scalar facets whose own filter is off all count over the fully filtered list: one query
    groups = defaultdict(list)
    for name in SCALAR:
        if name not in skip:
            own = tuple(p for p in OWN_PARAMETERS[name] if p in active)
            groups[own].append(name)
    for own, names in groups.items():
        queryset = filterset.filtered_without(*own).order_by().annotate(year=PublicationYear())
        rows = queryset.values(*names).annotate(n=Count("id"))
        for name in names:
            counts[name] = Counter()
        for row in rows:
            for name in names:
                counts[name][str(row[name])] += row["n"]
    through = Resource.countries.through.objects
    if "theme" not in skip:
        ids = filterset.filtered_without("theme").order_by().values("id")
        rows = Resource.themes.through.objects.filter(resource_id__in=ids).values("theme__slug")
        counts["theme"] = Counter({r["theme__slug"]: r["n"] for r in rows.annotate(n=Count("resource_id"))})
    if "country" not in skip:
        ids = filterset.filtered_without("country").order_by().values("id")
        rows = through.filter(resource_id__in=ids).values("country_id").annotate(n=Count("resource_id"))
        counts["country"] = Counter({r["country_id"]: r["n"] for r in rows})
    if "region" not in skip:
        ids = filterset.filtered_without("region").order_by().values("id")
        rows = (
            through.filter(resource_id__in=ids)
            .values("country__region")
            .annotate(n=Count("resource_id", distinct=True))
        )
        counts["region"] = Counter({r["country__region"]: r["n"] for r in rows})
    return counts


def total_from(counts, filterset) -> int:
    """How many resources the list holds, read from the kind counts (every resource has one kind,
    and those counts leave out only the kind filter)."""
    chosen = filterset.form.cleaned_data.get("kind") if "kind" in filterset.active_parameters() else None
    return sum(n for kind, n in counts["kind"].items() if not chosen or kind in chosen)


def facets_for_display(counts, filterset, params, *, hide=()) -> list[Facet]:
    """Choices with results, most first (years newest first), each with the address that picks it
    alone (or, when picked, drops it)."""
    data = (
        filterset.form.cleaned_data
        if filterset.form.is_valid()
        else getattr(filterset.form, "cleaned_data", {})
    )
    labels = {
        "kind": dict(Kind.choices),
        "theme": dict(filterset.form.fields["theme"].choices),
        "language": LANGUAGE_NAMES,
        "region": {slug: name for slug, (name, _parent) in REGIONS.items()},
    }
    facets = []
    for name in ("kind", "theme", "region", "country", "language", "year"):
        if name in hide or name not in counts:
            continue
        selected = _selected(name, data)
        facet = Facet(name, TITLES[name])
        for value, count in counts[name].items():
            if not count:
                continue
            if name == "country":
                label = Country(code=value).name
            elif name == "year":
                label = value
            else:
                label = labels[name].get(value, value)
            is_selected = value in selected
            facet.choices.append(
                Choice(value, str(label), count, is_selected, _address(params, name, value, is_selected))
            )
        if name == "year":
            facet.choices.sort(key=lambda c: c.value, reverse=True)
        else:
            facet.choices.sort(key=lambda c: (-c.count, c.label))
        if facet.choices:
            facets.append(facet)
    return facets


def _selected(name, data):
    if name == "year":
        start, end = data.get("year_from"), data.get("year_to")
        return {str(int(start))} if start is not None and start == end else set()
    value = data.get(name)
    if value in (None, "", []):
        return set()
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}


def _address(params, name, value, selected):
    query = params.copy()
    query.pop("page", None)
    for parameter in OWN_PARAMETERS[name]:
        query.pop(parameter, None)
    if not selected:
        if name == "year":
            query["year_from"] = value
            query["year_to"] = value
        else:
            query[name] = value
    return query.urlencode()
