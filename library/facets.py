"""Facets beside the list, for display: each choice with its count (library.listing counts them),
its label and the address that picks it alone or drops it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from library.geography import REGIONS
from library.languages import LANGUAGE_NAMES
from library.models import Country
from library.models.resources import Kind

# facet -> the query parameters that pick its values
OWN_PARAMETERS = {
    "kind": ("kind",),
    "theme": ("theme",),
    "region": ("region",),
    "country": ("country",),
    "language": ("language",),
    "year": ("year_from", "year_to"),
}
FACETS = tuple(OWN_PARAMETERS)  # in the order the page shows them
TITLES = {
    "kind": _("Kind"),
    "theme": _("Theme"),
    "region": _("Region"),
    "country": _("Country"),
    "language": _("Language"),
    "year": _("Year"),
}


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


def facets_for_display(counts, filterset, params, *, hide=()) -> list[Facet]:
    """Choices with results, most first (years newest first), each with the address that picks it
    alone (or, when picked, drops it)."""
    data = getattr(filterset.form, "cleaned_data", {})  # the valid filters, on a 400 page too
    labels = {
        "kind": dict(Kind.choices),
        "theme": dict(filterset.form.fields["theme"].choices),
        "language": LANGUAGE_NAMES,
        "region": {slug: name for slug, (name, _parent) in REGIONS.items()},
    }
    facets = []
    for name in FACETS:
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
