"""The filter panel beside a list: one form in which each choice carries its count (what picking
it gives with the other active filters), choices without results are left out (unless chosen, so
they can be unticked), the chosen ones come first and long lists show their top choices with the
rest behind a "show all" that needs no JavaScript.

`facet()` builds one facet from counts worked out by any list (the library's, events, mentors,
collections, programmes); templates/includes/facet_fieldsets.html renders them inside the list's
own form. `facets_for_display()` is the library's panel, counted by library.listing.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape

from django import forms
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
    multiple: bool  # check boxes; else radio buttons (with `any_label` first)
    choices: list[Choice] = field(default_factory=list)  # chosen first, then most results first
    shown_at_once: int = 0
    any_label: str = ""

    @property
    def first(self) -> list[Choice]:
        return self.choices[: self.shown_at_once]

    @property
    def more(self) -> list[Choice]:
        return self.choices[self.shown_at_once :]

    @property
    def any_selected(self) -> bool:
        return any(choice.selected for choice in self.choices)


def facet(
    name: str,
    title,
    counts: Mapping[str, int],
    chosen,
    label: Callable[[str], object],
    *,
    parameter: str = "",
    multiple: bool = True,
    any_label="",
    order: Callable[[Choice], object] | None = None,
) -> Facet | None:
    """One facet of a panel: the values with results and the chosen ones (even without), each
    with its count, ordered chosen first then by `order` (default: most results, then label);
    None when it has nothing to offer. `chosen` is the valid value(s) of its parameter."""
    selected = _selected(chosen)
    shown = Facet(name, title, parameter or name, multiple, any_label=any_label)
    for value in {*counts, *selected}:
        count = counts.get(value, 0)
        if count or value in selected:
            shown.choices.append(Choice(value, str(label(value)), count, value in selected))
    order = order or (lambda choice: (-choice.count, choice.label))
    shown.choices.sort(key=lambda choice: (not choice.selected, order(choice)))
    picked = sum(choice.selected for choice in shown.choices)
    many = len(shown.choices) > COLLAPSE_ABOVE
    shown.shown_at_once = max(picked, SHOWN_AT_ONCE) if many else len(shown.choices)
    return shown if shown.choices else None


def facet_of_filter(filterset, name, counts, label, *, order=None) -> Facet | None:
    """facet() for one of a FilterSet's filters, reading off its form field what the field
    already says: the title (its label), check boxes or radio buttons (a multiple-choice field or
    not), the "any" radio's label (its empty label) and the valid value(s) chosen, spelt as the
    query parameter spells them (a model choice by its `to_field_name`)."""
    field = filterset.form.fields[name]
    chosen = getattr(filterset.form, "cleaned_data", {}).get(name)  # the valid ones, on a 400 page too
    if getattr(field, "to_field_name", None) and chosen is not None:
        chosen = getattr(chosen, field.to_field_name)
    return facet(
        name,
        field.label,
        counts,
        chosen,
        label,
        multiple=isinstance(field, forms.MultipleChoiceField),
        any_label=getattr(field, "empty_label", "") or "",
        order=order,
    )


def facets_for_display(counts, filterset, *, hide=()) -> list[Facet]:
    """The library panel's facets: for each, its choices with results (and the chosen ones)."""
    data = getattr(filterset.form, "cleaned_data", {})  # the valid filters, on a 400 page too
    labels = {
        "kind": dict(Kind.choices),
        "theme": THEME_NAMES,
        "language": LANGUAGE_NAMES,
        "region": {slug: name for slug, (name, _parent) in REGIONS.items()},
        "country": country_names(),
    }
    shown = (
        facet(
            name,
            TITLES[name],
            counts[name],
            data.get(parameter),
            lambda value, names=labels[name]: names.get(value, value),
            parameter=parameter,
            multiple=multiple,
            any_label="" if multiple else _("Any region"),
        )
        for name, (parameter, multiple) in PARAMETERS.items()
        if name not in hide and name in counts
    )
    return [one for one in shown if one]


def region_choices_counted(chosen) -> list[str]:
    """The regions the panel counts: the continents, and a finer region named in the address."""
    return [*TOP_REGIONS, *([chosen] if chosen and chosen not in TOP_REGIONS else [])]


def _selected(value) -> set[str]:
    if value in (None, "", []):
        return set()
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}


def choice_items(facet, choices):
    """The <li> of each choice: its box (or radio button), its label and its count. Written here,
    not by a template loop (the country list alone has a couple of hundred choices), and with
    plain string formatting of escaped parts: format_html's per-argument escaping of a couple of
    thousand arguments took a tenth of a list page's time."""
    kind = "checkbox" if facet.multiple else "radio"
    name, prefix = escape(facet.parameter), escape(f"filter-{facet.name}-")
    words = {}  # "result(s)" by count: the plural rules of some languages need the number itself
    items = []
    for choice in choices:
        value = escape(choice.value)
        word = words.get(choice.count)
        if word is None:
            word = words[choice.count] = escape(ngettext("result", "results", choice.count))
        checked = " checked" if choice.selected else ""
        items.append(
            f'<li class="check"><input type="{kind}" name="{name}" value="{value}" id="{prefix}{value}"{checked}>'
            f'<label for="{prefix}{value}">{escape(choice.label)} <span class="facet__count">{choice.count}</span>'
            f'<span class="visually-hidden"> {word}</span></label></li>'
        )
    return mark_safe("".join(items))  # noqa: S308 - every part escaped just above
