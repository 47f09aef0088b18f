"""A resource's card (templates/includes/resource_card.html), rendered once per public state.

A card shows public content only: the resource's own fields, its themes and countries, and on a
search page the snippet that explains the match. Everything else it depends on is the interface
language. So the HTML of a public resource's card is kept by the facet index of the public state
it was rendered in (library.facet_index) and every list, search, home and related-resources block
of that state reuses it; any public change renews the state, and with it every card. A list's
page is its `Card`s; one whose cards are all kept is read from nowhere (`kept_cards`).
"""

from typing import NamedTuple

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from library.facet_index import attach_relations, current_index
from library.models import Resource

CARD_TEMPLATE = "includes/resource_card.html"


class Card(NamedTuple):
    """A resource's card, rendered."""

    pk: int
    html: SafeString


def card_html(resource) -> SafeString:
    """The card of a resource (or a Card's own)."""
    if isinstance(resource, Card):
        return resource.html
    index = current_index()
    if not index.holds(resource.pk):  # not public in this state (a staff preview): never kept
        return _render(resource)
    key = _key(
        resource.pk, getattr(resource, "search_snippet", None), getattr(resource, "partner_only_match", False)
    )
    return index.remembered(key, lambda: _render(resource), store="cards")


def cards_of(resources) -> list[Card]:
    return [Card(resource.pk, card_html(resource)) for resource in resources]


def kept_cards(ids, index) -> list[Card] | None:
    """The cards of these public resources, without a search's snippets, when the index keeps
    every one; else None (the page is read and rendered)."""
    kept = index.stores["cards"]
    cards = []
    for pk in ids:
        html = kept.get(_key(pk, "", False))
        if html is None:
            return None
        cards.append(Card(pk, html))
    return cards


def cards_of_ids(ids, index) -> list[Card]:
    """The cards of these resources, in order, without a search's snippets: kept, or read (the
    public ones, without their bodies) and rendered."""
    kept = kept_cards(ids, index)
    if kept is not None:
        return kept  # a kept card is of a resource public in this state
    # the publication test again: the one gate every public list passes through
    by_pk = Resource.objects.published().defer("body").in_bulk(ids)
    resources = [by_pk[pk] for pk in ids if pk in by_pk]
    attach_relations(resources, index)  # their themes and countries, off the facet index
    return cards_of(resources)


def newest_cards(name, public, count) -> list[Card]:
    """The cards of the `count` newest resources of `public` (a queryset of public resources that
    `name` stands for): their ids are kept per public state like the cards, so once both are
    kept this costs no query."""
    index = current_index()
    ids = index.remembered(
        ("newest", name, count), lambda: list(public.newest_first().values_list("pk", flat=True)[:count])
    )
    return cards_of_ids(ids, index)


def _key(pk, snippet, partner_only_match):
    # no snippet is None or "", whichever the resource holds
    return ("card", translation.get_language(), pk, snippet or "", bool(partner_only_match))


def _render(resource) -> SafeString:
    return mark_safe(render_to_string(CARD_TEMPLATE, {"resource": resource}))  # noqa: S308 - a template's autoescaped output
