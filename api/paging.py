"""Cursor pagination of the resource list that stays put while the library changes.

A cursor names the last resource of the page by its sort key, so the next page starts right
after that key, wherever the resource has gone meanwhile: a resource published or withdrawn
before it moves nothing, and none is shown twice or skipped for that reason.

    newest, oldest   key (publication time, id), read off the facet index (library.facet_index),
                     which holds the public resources newest first with their times: a bisection
                     finds where the key falls, then the list's result mask is walked from there
    title            key (title, id), in SQL (ResourceFilter.qs orders by it)
    popular          key (downloads, publication time, id), in SQL; a download moves a resource
                     in this order, so here the list may shift by the resources downloaded meanwhile
    relevance (q)    a ranked list has no key a new resource could not jump ahead of: the cursor
                     is the position (stable while public content is unchanged)

Cursors are signed (django.core.signing), so a client cannot make one up; a forged, damaged or
foreign cursor is a 400.
"""

import bisect
from datetime import UTC, datetime, timedelta

from django.core import signing
from django.db.models import Q

from library.facet_index import EPOCH, as_bytes, microseconds

SALT = "api.resources.cursor"


class BadCursor(ValueError):
    pass


def encode(payload: dict) -> str:
    return signing.dumps(payload, salt=SALT, compress=True)


def decode(cursor: str, sort: str) -> dict:
    try:
        payload = signing.loads(cursor, salt=SALT)
    except signing.BadSignature:
        raise BadCursor("This cursor was not made by this API (or was cut short): follow `next`.") from None
    if not isinstance(payload, dict) or payload.get("s") != sort:
        raise BadCursor("This cursor belongs to another sort order: keep the parameters of the first page.")
    return payload


def from_microseconds(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


def page(listing, sort: str, cursor: dict | None, size: int):
    """(ids of one page in order, the cursor payload of the next page or None)."""
    if sort in ("newest", "oldest"):
        return _by_time(listing, sort, cursor, size)
    if sort == "relevance":
        start = int(cursor["o"]) if cursor else 0
        ids = listing.page_ids(start, start + size + 1)
        more = len(ids) > size
        return ids[:size], ({"s": sort, "o": start + size} if more else None)
    return _in_sql(listing.filterset.qs, sort, cursor, size)


def _by_time(listing, sort, cursor, size):
    index = listing.index
    newest, stamps = index.newest, index.stamps
    count = len(newest)

    def key(k):  # newest-first order, ascending
        return (-stamps[k], -newest[k])

    if sort == "newest":
        start = (
            0 if cursor is None else bisect.bisect_right(range(count), (-cursor["t"], -cursor["i"]), key=key)
        )
        positions = range(start, count)
    else:
        end = (
            count
            if cursor is None
            else bisect.bisect_left(range(count), (-cursor["t"], -cursor["i"]), key=key)
        )
        positions = range(end - 1, -1, -1)
    bits = as_bytes(listing.results & index.public)
    size_of_bits = len(bits)
    found = []
    last = None
    for place in positions:
        resource_id = newest[place]
        byte = resource_id >> 3
        if byte < size_of_bits and bits[byte] >> (resource_id & 7) & 1:
            if len(found) == size:
                return found, {"s": sort, "t": stamps[last], "i": newest[last]}
            found.append(resource_id)
            last = place
    return found, None


KEYS = {
    # sort: (fields of the key, descending?)
    "title": (("title", "id"), False),
    "popular": (("download_count", "published_at", "id"), True),
}


def _in_sql(queryset, sort, cursor, size):
    fields, descending = KEYS[sort]
    if cursor:
        values = list(cursor["k"])
        if "published_at" in fields:
            place = fields.index("published_at")
            values[place] = from_microseconds(values[place])
        queryset = queryset.filter(_after(fields, values, descending))
    rows = list(queryset.values_list(*fields)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    ids = [row[-1] for row in rows]
    if not more:
        return ids, None
    last = [microseconds(v) if isinstance(v, datetime) else v for v in rows[-1]]
    return ids, {"s": sort, "k": last}


def _after(fields, values, descending):
    """Rows after the key (f1, f2, ...) in this order, as (f1 > v1) or (f1 = v1 and f2 > v2) ..."""
    compare = "lt" if descending else "gt"
    condition = Q()
    for place, name in enumerate(fields):
        step = Q(**{f"{name}__{compare}": values[place]})
        for earlier in range(place):
            step &= Q(**{fields[earlier]: values[earlier]})
        condition |= step
    return condition


__all__ = ["UTC", "BadCursor", "decode", "encode", "page"]
