"""The filter panels of /collections/ and /programmes/, built with library.facets: each facet's
choices with what picking them gives with the other filters on, one grouped count per facet
(so a page costs the same queries however long the list)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from library.facets import Facet, facet_of_filter
from library.languages import LANGUAGE_NAMES
from library.themes import THEME_NAMES
from programmes.models import Level


@dataclass(frozen=True)
class FacetSpec:
    name: str  # the filter, and the query parameter (single-choice: radio buttons)
    grouped_by: str  # what its counts group the published list by
    labels: Mapping
    order: Callable | None = None  # default: most results first


LEVEL_ORDER = {value: position for position, value in enumerate(Level.values)}

COLLECTION_FACETS = (
    FacetSpec("theme", "themes__slug", THEME_NAMES),
    FacetSpec("language", "language", LANGUAGE_NAMES),
)
PROGRAMME_FACETS = (
    FacetSpec(
        "level",
        "level",
        dict(Level.choices),
        order=lambda choice: LEVEL_ORDER.get(choice.value, len(LEVEL_ORDER)),
    ),
    FacetSpec("language", "language", LANGUAGE_NAMES),
)


def panel_facets(filterset, specs) -> list[Facet]:
    """The panel's facets for a validated filterset; on a 400 page, from its valid filters."""
    chosen = getattr(filterset.form, "cleaned_data", {})
    shown = []
    for spec in specs:
        others = filterset.queryset
        for name, value in chosen.items():
            if name != spec.name:
                others = filterset.filters[name].filter(others, value)
        one = facet_of_filter(
            filterset,
            spec.name,
            others.counts_by(spec.grouped_by),
            lambda value, labels=spec.labels: labels.get(value, value),
            order=spec.order,
        )
        if one:
            shown.append(one)
    return shown
