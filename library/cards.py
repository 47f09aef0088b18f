"""A resource's card (templates/includes/resource_card.html), rendered once per public state.

A card shows public content only: the resource's own fields, its themes and countries, and on a
search page the snippet that explains the match. Everything else it depends on is the interface
language. So the HTML of a public resource's card is kept by the facet index of the public state
it was rendered in (library.facet_index) and every list, search, home and related-resources block
of that state reuses it; any public change renews the state, and with it every card.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from library.facet_index import current_index

CARD_TEMPLATE = "includes/resource_card.html"


def card_html(resource) -> SafeString:
    index = current_index()
    if not index.holds(resource.pk):  # not public in this state (a staff preview): never kept
        return _render(resource)
    key = (
        "card",
        translation.get_language(),
        resource.pk,
        getattr(resource, "search_snippet", None),
        getattr(resource, "partner_only_match", False),
    )
    return index.remembered(key, lambda: _render(resource), store="cards")


def _render(resource) -> SafeString:
    return mark_safe(render_to_string(CARD_TEMPLATE, {"resource": resource}))  # noqa: S308 - a template's autoescaped output
