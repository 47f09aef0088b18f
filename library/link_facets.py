"""Facets shown as links, each changing one parameter of the list's address: for the lists
built on the library whose filters are not the library's own panel (events, the mentor
directory). Rendered by templates/includes/link_facets.html."""

from dataclasses import dataclass, field


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool
    query: str  # the list's address once this choice is picked (or, when picked, dropped)


@dataclass
class Facet:
    name: str
    title: str
    choices: list = field(default_factory=list)
