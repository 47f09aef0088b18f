"""The filter panel beside a list: one form in which each choice carries its count (counted by
library.listing: what picking it gives with the other active filters), choices without results
are left out (unless chosen, so they can be unticked), the chosen ones come first and long lists
show their top choices with the rest behind a "show all" that needs no JavaScript."""

from dataclasses import dataclass, field

from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library.geography import REGIONS, TOP_REGIONS, country_names
from library.languages import LANGUAGE_NAMES
from library.models.resources import Kind
from library.themes import THEME_NAMES

# facet -> the query parameter that picks its values, and whether several may be picked
PARAMETERS = {
    "kind": ("kind", True),
    "theme": ("theme", True),
    "region": ("region", False),
    "country": ("country", True),
    "language": ("language", True),
}
FACETS = (*PARAMETERS, "year")  # what library.listing counts, in the order the panel shows them
TITLES = {
    "kind": _("Kind"),
    "theme": _("Theme"),
    "region": _("Region"),
    "country": _("Country"),
    "language": _("Language"),
}
# a facet with more choices than this shows its first SHOWN_AT_ONCE, the rest behind "show all"
COLLAPSE_ABOVE = 10
SHOWN_AT_ONCE = 8


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    title: str
    parameter: str
    multiple: bool  # check boxes; else radio buttons (with "any" first)
    choices: list[Choice] = field(default_factory=list)  # chosen first, then most results first
    shown_at_once: int = 0

    @property
    def first(self) -> list[Choice]:
        return self.choices[: self.shown_at_once]

    @property
    def more(self) -> list[Choice]:
        return self.choices[self.shown_at_once :]

    @property
    def any_selected(self) -> bool:
        return any(choice.selected for choice in self.choices)


def facets_for_display(counts, filterset, *, hide=()) -> list[Facet]:
    """The panel's facets: for each, its choices with results (and the chosen ones)."""
    data = getattr(filterset.form, "cleaned_data", {})  # the valid filters, on a 400 page too
    labels = {
        "kind": dict(Kind.choices),
        "theme": THEME_NAMES,
        "language": LANGUAGE_NAMES,
        "region": {slug: name for slug, (name, _parent) in REGIONS.items()},
        "country": country_names(),
    }
    facets = []
    for name, (parameter, multiple) in PARAMETERS.items():
        if name in hide or name not in counts:
            continue
        selected = _selected(data.get(parameter))
        facet = Facet(name, TITLES[name], parameter, multiple)
        found = counts[name]
        for value in {*found, *selected}:
            count = found.get(value, 0)
            if count or value in selected:
                label = str(labels[name].get(value, value))
                facet.choices.append(Choice(value, label, count, value in selected))
        facet.choices.sort(key=lambda c: (not c.selected, -c.count, c.label))
        chosen = sum(choice.selected for choice in facet.choices)
        many = len(facet.choices) > COLLAPSE_ABOVE
        facet.shown_at_once = max(chosen, SHOWN_AT_ONCE) if many else len(facet.choices)
        if facet.choices:
            facets.append(facet)
    return facets


def region_choices_counted(chosen) -> list[str]:
    """The regions the panel counts: the continents, and a finer region named in the address."""
    return [*TOP_REGIONS, *([chosen] if chosen and chosen not in TOP_REGIONS else [])]


def _selected(value) -> set[str]:
    if value in (None, "", []):
        return set()
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}


def choice_items(facet, choices):
    """The <li> of each choice: its box (or radio button), its label and its count. Written here,
    not by a template loop: the country list alone has a couple of hundred choices, and a loop
    with a translated count in each took a fifth of a list page's time."""
    kind = "checkbox" if facet.multiple else "radio"
    return format_html_join(
        "",
        '<li class="check"><input type="{}" name="{}" value="{}" id="{}"{}>'
        '<label for="{}">{} <span class="facet__count">{}</span>'
        '<span class="visually-hidden"> {}</span></label></li>',
        (
            (
                kind,
                facet.parameter,
                choice.value,
                f"filter-{facet.name}-{choice.value}",
                mark_safe(" checked") if choice.selected else "",
                f"filter-{facet.name}-{choice.value}",
                choice.label,
                choice.count,
                ngettext("result", "results", choice.count),
            )
            for choice in choices
        ),
    )
