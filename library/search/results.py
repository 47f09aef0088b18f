"""One page of list results, fetched lazily for the paginator, with search snippets."""

from collections import defaultdict

from django.utils import translation

from library import subtypes
from library.cards import cards_of, cards_of_ids
from library.facet_index import attach_relations, current_index
from library.models import Resource, ResourceFile, TaggedResource
from library.models.files import Access
from library.search.snippets import Highlighter


class Results:
    """A sequence of cards (library.cards.Card) the Paginator slices: the count is known
    beforehand, and only the requested page is read, with its cards' related data, unless its
    cards are all kept. `page_ids(start, stop)` gives the page's ids in order (library.listing)."""

    def __init__(self, page_ids, total, *, query=None, index=None):
        self.page_ids = page_ids
        self.total = total
        self.query = query  # a ParsedQuery, or None
        self.index = index  # the facet index the page ids came from (else the current one)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("Results are read a page at a time.")
        if self.total == 0:
            return []
        ids = tuple(self.page_ids(key.start or 0, key.stop))
        index = self.index or current_index()
        if not (self.query and self.query.groups):
            return cards_of_ids(ids, index)
        # a search's cards carry their snippets, which follow from the public state, the query
        # and the page alone: found once per state (the HTML is the cards store's)
        return index.remembered(
            ("search cards", translation.get_language(), self.query, ids), lambda: self._searched(ids, index)
        )

    def _searched(self, ids, index):
        # the publication test again: the one gate every public list passes through
        by_id = Resource.objects.published().in_bulk(ids)  # with their bodies, for the snippets
        page = [by_id[resource_id] for resource_id in ids if resource_id in by_id]
        attach_relations(page, index)
        describe_matches(page, self.query)
        return cards_of(page)


def describe_matches(resources, query):
    """Give each resource a `search_snippet` (safe HTML) or, when the only match lies in a file
    the reader may not be allowed to download, `partner_only_match` — never its words. A match in
    a tag explains the card too."""
    highlighter = Highlighter(query)
    if not highlighter:
        return
    tag_names = _tag_names([resource.id for resource in resources])
    unexplained = []
    for resource in resources:
        language = resource.language
        resource.search_snippet = highlighter.snippet(resource.summary, language) or highlighter.snippet(
            resource.body, language
        )
        resource.partner_only_match = False
        seen = (
            resource.search_snippet
            or highlighter.matches(resource.title, language)
            or any(highlighter.matches(name, language) for name in tag_names[resource.id])
        )
        if not seen:
            unexplained.append(resource)
    if unexplained:
        _look_further(unexplained, highlighter)


def _tag_names(resource_ids) -> defaultdict:
    """resource id -> its tags' names, in one query (taggit's prefetch builds a queryset per
    resource before it fills them, a tenth of a search page's time)."""
    names = defaultdict(list)
    rows = TaggedResource.objects.filter(content_object_id__in=resource_ids).values_list(
        "content_object_id", "tag__name"
    )
    for resource_id, name in rows:
        names[resource_id].append(name)
    return names


def _look_further(resources, highlighter):
    """Matches outside the card's own text: a subtype's sections, then public file text; what is
    left matched only partner-only text."""
    ids = [resource.id for resource in resources]
    texts = defaultdict(list)
    for subtype in subtypes.all_subtypes():
        if subtype.search_text:
            for resource_id, text in subtype.search_text(ids).items():
                texts[resource_id].append(text)
    public_files = ResourceFile.objects.filter(resource_id__in=ids).exclude(access=Access.PARTNERS)
    for resource_id, text in public_files.values_list("resource_id", "text"):
        texts[resource_id].append(text)
    for resource in resources:
        resource.search_snippet = next(
            (s for text in texts[resource.id] if (s := highlighter.snippet(text, resource.language))), None
        )
        resource.partner_only_match = resource.search_snippet is None
