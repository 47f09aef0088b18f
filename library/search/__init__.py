"""Full-text search over resources: one small interface, two index implementations.

    matching(queryset, q)          the resources of `queryset` that match the query
    by_relevance(queryset, q)      the same queryset ordered best first (exports, feeds)
    hit_mask(q, below)             the matches as a bitset (library.facet_index), for list pages
    leading_page(q, mask, ...)     one page of the matches that rank by score (library.listing)
    leading_mask(q, below)         those matches as a bitset
    refresh_index(resource_ids)    bring the index up to date for these resources (signals call
                                   it; so must code that writes in bulk, skipping signals)
    rebuild_index()                every resource again

PostgreSQL keeps a weighted tsvector per resource in `library_search_document` (GIN index, read
through the `library_search_hits` function; a small `headline` tsvector for ranking); SQLite
keeps an FTS5 table `library_resource_fts`. Queries are parsed once (`query.parse`) and the words
analysed once (`analysis`), so both find the same resources.
"""

from django.db import connection

from library.search.backends import backend_for
from library.search.documents import build
from library.search.query import ParsedQuery, parse

BATCH = 1000


def backend():
    return backend_for(connection.vendor)


def _parsed(query) -> ParsedQuery:
    return query if isinstance(query, ParsedQuery) else parse(query)


def matching(queryset, query):
    return backend().matching(queryset, _parsed(query))


def by_relevance(queryset, query):
    parsed = _parsed(query)
    if not parsed.groups:
        return queryset.order_by("-published_at", "-id")
    return backend().by_relevance(queryset, parsed)


def hit_mask(query, below) -> int:
    return backend().hit_mask(_parsed(query), below)


def leading_page(query, within, start, stop, place) -> tuple[list[int], int]:
    return backend().leading_page(_parsed(query), within, start, stop, place)


def leading_mask(query, below) -> int:
    return backend().leading_mask(_parsed(query), below)


def refresh_index(resource_ids):
    """Bring the search index up to date for these resources after bulk writes that skip model
    signals (the importer calls it after each batch). Ids of deleted resources leave the index."""
    from library.models import SearchWord

    ids = list(dict.fromkeys(resource_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        documents, vocabulary = build(chunk)
        found = {document.resource_id for document in documents}
        backend().write(documents, [resource_id for resource_id in chunk if resource_id not in found])
        SearchWord.objects.bulk_create(
            [SearchWord(word=word) for word in sorted(vocabulary)], ignore_conflicts=True
        )
    if ids:
        from library.cache import bump_public_version

        bump_public_version()  # the same bulk writes skipped the signals that renew cached pages


def rebuild_index():
    from library.models import Resource

    refresh_index(Resource.objects.order_by("id").values_list("id", flat=True).iterator())


__all__ = [
    "ParsedQuery",
    "by_relevance",
    "hit_mask",
    "leading_mask",
    "leading_page",
    "matching",
    "parse",
    "rebuild_index",
    "refresh_index",
]
