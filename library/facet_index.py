"""Every public resource's facet values as bitsets in memory: how search engines count facets.

A mask is a Python int in which bit i stands for the resource with id i. There is one mask per
kind, language, publication year, theme and country, and one for everything public. A list's
filters become masks ANDed together; a facet count is the population count of a value's mask
ANDed with the other filters' masks. Counting every facet of a 90,000-result search takes about
a millisecond, where counting in SQL took most of a second.

The index also holds the public resources in list order (newest first), so a page of a filtered
list is read off the masks without asking the database again.

It also holds each public resource's themes and countries (the rows themselves, shared), so the
cards of a list and a detail page show them without asking the database
(`attach_relations`).

Beside it, the index remembers the answers of the search index for the queries it has seen
(`remembered`): they hold as long as the index does, since every write to the search index
renews the public state, and a popular search then costs what a filter costs. In the same
way it keeps the HTML of the cards it has rendered (library.cards) and what resource pages read
of the library (library.views.public_detail): public content only, so it holds as long as the
index does.

It is built from the database in four queries (0.6 s at 100,000 resources) and kept in the
process under the public state (library.cache): until public content changes or a scheduled
publication comes due. Memory: each mask takes (highest id / 8) bytes; at 100,000
generated resources 84 masks and two arrays hold 2.7 MB.
"""

import threading
from array import array
from dataclasses import dataclass, field
from datetime import UTC, datetime

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

FACET_FIELDS = ("kind", "language", "year", "theme", "country")
# what an index remembers, by store, and how many of each before that store starts afresh
KEPT = {
    "answers": 512,  # of the search index, and counts (each a mask, a page of ids or a list)
    "cards": 5000,  # rendered cards (library.cards), about a kilobyte each
    # what a resource page reads of the library, its sections and its article for anonymous
    # readers (library.views.public_detail, public_detail_page): up to 20 kilobytes each
    "details": 1000,
    "panels": 256,  # rendered filter panels (library.views.filter_panel), about 20 kilobytes each
}


def mask_of(ids) -> int:
    """The mask with these ids' bits set."""
    ids = list(ids)
    if not ids:
        return 0
    bits = bytearray(max(ids) // 8 + 1)
    for resource_id in ids:
        bits[resource_id >> 3] |= 1 << (resource_id & 7)
    return int.from_bytes(bits, "little")


def as_bytes(mask: int) -> bytes:
    """The mask as little-endian bytes: bit i is bit (i % 8) of byte i // 8, the order
    PostgreSQL's get_bit reads a bytea in."""
    return mask.to_bytes((mask.bit_length() + 7) // 8, "little")


def has(bits: bytes, resource_id: int) -> bool:
    return resource_id >> 3 < len(bits) and bool(bits[resource_id >> 3] >> (resource_id & 7) & 1)


def union(masks) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result


@dataclass
class FacetIndex:
    token: str | None = None  # the public state it was built in
    public: int = 0
    values: dict[str, dict[str, int]] = field(default_factory=lambda: {name: {} for name in FACET_FIELDS})
    newest: array = field(default_factory=lambda: array("q"))  # public ids, newest first
    rank: array = field(default_factory=lambda: array("l"))  # id -> its place in `newest`
    # publication times (microseconds since 1970) in the order of `newest`: where a keyset
    # cursor (time, id) falls in that order, found by bisection (the API's cursor pagination)
    stamps: array = field(default_factory=lambda: array("q"))
    # each public resource's themes and countries: the numbers in `related_rows` of
    # related_numbers[related_start[id]:related_start[id + 1]], in the models' own order
    related_rows: list = field(default_factory=list)  # Theme and Country rows, by number
    related_start: array = field(default_factory=lambda: array("l"))
    related_numbers: array = field(default_factory=lambda: array("H"))
    stores: dict = field(default_factory=lambda: {store: {} for store in KEPT}, repr=False, compare=False)

    def remembered(self, key, compute, *, store="answers"):
        """compute(), asked once for this index: for what follows from the public state and the
        key alone (a search's matches, a rendered card). Past its store's size (KEPT) the store
        starts afresh."""
        kept = self.stores[store]
        try:
            return kept[key]
        except KeyError:
            pass
        if len(kept) >= KEPT[store]:
            kept.clear()
        answer = kept[key] = compute()
        return answer

    def value_mask(self, name, chosen) -> int:
        masks = self.values[name]
        return union(masks.get(str(value), 0) for value in chosen)

    def holds(self, resource_id) -> bool:
        return resource_id < len(self.rank) and self.rank[resource_id] >= 0

    def place(self, resource_id) -> int:
        """Where a public resource stands in the newest-first order (ties in ranking break by it)."""
        return self.rank[resource_id] if self.holds(resource_id) else len(self.newest)

    def related_of(self, resource_id) -> list:
        """The resource's Theme and Country rows (a public resource's: see `holds`)."""
        rows = self.related_rows
        start, stop = self.related_start[resource_id], self.related_start[resource_id + 1]
        return [rows[number] for number in self.related_numbers[start:stop]]

    def in_order(self, mask, start, stop, *, oldest_first=False, skip=0) -> list[int]:
        """Ids of `mask`'s resources from `start` to `stop` in publication order (newest first
        unless `oldest_first`); the resources of `skip` are passed over."""
        wanted = mask & ~skip & self.public
        if not wanted or stop <= start:
            return []
        bits = as_bytes(wanted)
        size = len(bits)  # the test of `has`, inline: this loop may run 100,000 times
        found, seen = [], 0
        for resource_id in reversed(self.newest) if oldest_first else self.newest:
            byte = resource_id >> 3
            if byte < size and bits[byte] >> (resource_id & 7) & 1:
                if seen >= start:
                    found.append(resource_id)
                    if len(found) == stop - start:
                        break
                seen += 1
        return found


def microseconds(moment) -> int:
    """A time as whole microseconds since 1970 (exact, unlike a float timestamp)."""
    delta = moment.astimezone(UTC) - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


_lock = threading.Lock()
_current: FacetIndex | None = None


def current_index() -> FacetIndex:
    """The index of what is public now: the one this process holds, or a new one."""
    global _current
    from library.cache import public_state

    token = public_state().token
    if _current is not None and _current.token == token:
        return _current
    with _lock:
        if _current is None or _current.token != token:
            # read after the token, so never older than it: a change committed meanwhile is in it
            # already, and the next request, reading the new token, builds again
            _current = build()
            _current.token = token
        return _current


def forget():
    """Drop the index this process holds (the next list builds a new one)."""
    global _current
    _current = None


def attach_relations(resources, index=None) -> None:
    """Give each resource its themes and countries as if prefetched (`resource.themes.all()`),
    read off the index; those it does not hold (not public when it was built) are prefetched."""
    from django.db.models import prefetch_related_objects

    from library.models import Country, Theme

    index = index or current_index()
    missing = []
    for resource in resources:
        if not index.holds(resource.pk):
            missing.append(resource)
            continue
        related = index.related_of(resource.pk)
        cache = getattr(resource, "_prefetched_objects_cache", None)
        if cache is None:
            cache = resource._prefetched_objects_cache = {}
        cache["themes"] = _as_fetched(Theme.objects.all(), [row for row in related if isinstance(row, Theme)])
        cache["countries"] = _as_fetched(
            Country.objects.all(), [row for row in related if isinstance(row, Country)]
        )
    if missing:
        prefetch_related_objects(missing, "themes", "countries")


def _as_fetched(queryset, rows):
    queryset._result_cache = rows
    queryset._prefetch_done = True
    return queryset


def build() -> FacetIndex:
    """The index of the resources public now, in four queries."""
    from django.db.models import F, Value

    from library.models import Country, Resource, Theme

    public = Resource.objects.published().order_by("-published_at", "-id")
    rows = list(public.values_list("id", "kind", "language", "published_at"))
    index = FacetIndex()
    if not rows:
        return index
    size = max(row[0] for row in rows) + 1
    index.newest = array("q", (row[0] for row in rows))
    index.stamps = array("q", (microseconds(row[3]) for row in rows))
    index.rank = array("l", [-1]) * size
    for place, resource_id in enumerate(index.newest):
        index.rank[resource_id] = place
    bits = {name: {} for name in FACET_FIELDS}
    every = bytearray(size // 8 + 1)

    def mark(name, value, resource_id):
        target = bits[name].get(value)
        if target is None:
            target = bits[name][value] = bytearray(size // 8 + 1)
        target[resource_id >> 3] |= 1 << (resource_id & 7)

    for resource_id, kind, language, published_at in rows:
        every[resource_id >> 3] |= 1 << (resource_id & 7)
        mark("kind", kind, resource_id)
        mark("language", language, resource_id)
        mark("year", str(published_at.astimezone(UTC).year), resource_id)
    # every theme and country link in one query; those of resources not public now are passed
    # over here, cheaper than joining the publication test in the database
    themes = Resource.themes.through.objects.values_list("resource_id", Value("theme"), F("theme__slug"))
    countries = Resource.countries.through.objects.values_list(
        "resource_id", Value("country"), F("country_id")
    )
    # the rows a card shows, numbered in the models' order (themes, then countries)
    shown = {("theme", theme.slug): theme for theme in Theme.objects.all()}
    shown.update((("country", country.code), country) for country in Country.objects.all())
    number_of = {key: number for number, key in enumerate(shown)}
    related = {}
    for resource_id, name, value in themes.union(countries, all=True).iterator(chunk_size=5000):
        if index.holds(resource_id):
            mark(name, value, resource_id)
            related.setdefault(resource_id, []).append(number_of[name, value])
    index.related_rows = list(shown.values())
    index.related_start = array("l", [0]) * (size + 1)
    for resource_id in range(size):
        numbers = sorted(related.get(resource_id, ()))
        index.related_numbers.extend(numbers)
        index.related_start[resource_id + 1] = len(index.related_numbers)
    index.public = int.from_bytes(every, "little")
    index.values = {
        name: {value: int.from_bytes(b, "little") for value, b in by_value.items()}
        for name, by_value in bits.items()
    }
    return index
