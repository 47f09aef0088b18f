"""The two index implementations behind one interface, chosen by the database vendor.

Both receive the same analysed words (library.search.analysis) and the same parsed query
(library.search.query), so they find the same resources; only the relevance formula differs
(PostgreSQL ts_rank over a small title/summary/tags headline, SQLite FTS5 bm25 over weighted
columns); both rank title matches first, then summary and tags, newest first among equals.
List pages rank a page at a time within their results (`leading_page`, then the rest newest
first, in library.listing); feeds and exports in SQL with `by_relevance`; both give one order.

The SQL below is constant text (hence the noqa marks for ruff's injection checks): every value
that comes from a reader, the query expression included, travels as a parameter.
"""

from django.db import connection
from django.db.models import FloatField, OuterRef, Subquery
from django.db.models.expressions import RawSQL

from library.facet_index import as_bytes, has, mask_of
from library.search.documents import FIELDS
from library.search.query import ParsedQuery, Term

MAX_POSITION = 16383  # PostgreSQL keeps word positions up to this
MAX_POSITIONS_PER_TERM = 255
WEIGHTS = {"a": "A", "b": "B", "c": "C", "d": "D", "p": "D"}


class Backend:
    """What every index does. Querysets passed in are Resource querysets; SQL fragments never
    name the outer query's table, so they stay right inside subqueries Django aliases."""

    def write(self, documents, deleted_ids):  # pragma: no cover - interface
        raise NotImplementedError

    def matching(self, queryset, query: ParsedQuery):
        if query.groups:
            return queryset.filter(id__in=RawSQL(self.match_ids_sql, [self.expression(query)]))  # noqa: S611
        if query.excluded:
            excluded = query.exclusions()
            return queryset.exclude(id__in=RawSQL(self.match_ids_sql, [self.expression(excluded)]))  # noqa: S611
        return queryset

    # For list pages (library.listing), which hold their results as a mask (library.facet_index):

    def hit_mask(self, query: ParsedQuery, below: int) -> int:  # pragma: no cover - interface
        """The mask of the resources with ids under `below` that the query matches."""
        raise NotImplementedError

    def leading_page(
        self, query: ParsedQuery, within: int, start: int, stop: int, place
    ) -> list[int]:  # pragma: no cover - interface
        """The ids from `start` to `stop` of the matches in the mask `within` that rank by score,
        best first (ties: by `place`, the newest-first order). Every other match ranks after
        them, alike, newest first."""
        raise NotImplementedError

    def leading_count(self, query: ParsedQuery, within: int) -> int:  # pragma: no cover - interface
        """How many matches in `within` rank by score."""
        raise NotImplementedError

    def leading_mask(self, query: ParsedQuery, below: int) -> int:  # pragma: no cover - interface
        """The mask of the resources that would rank by score (matches or not)."""
        raise NotImplementedError


class PostgresBackend(Backend):
    match_ids_sql = (
        "SELECT id FROM library_search_hits(%s::tsquery) AS hits(id)"  # see migration 0006_search_index
    )
    # A set of ids as a bitmap built in the database: one row of hex digits, 32 ids a word,
    # highest word first, so int(text, 16) is the mask. Sending 90,000 ids costs three times as long.
    mask_sql = (
        "SELECT string_agg(lpad(to_hex(coalesce(w.bits, 0)), 8, '0'), '' ORDER BY s.k DESC) "
        "FROM generate_series(0, %s) AS s(k) LEFT JOIN ("
        " SELECT id >> 5 AS k, sum(1::bigint << (id & 31)::int)::bigint AS bits"
        " FROM ({ids}) AS found(id) WHERE id < %s GROUP BY 1"
        ") AS w ON w.k = s.k"
    )
    # Matches whose headline (the title, summary and tag words, weights A and B) matches the
    # whole query come first, by ts_rank over the headline; every other match ranks after them,
    # alike (newest first). So only headline matches are scored (GIN index, migration 0010),
    # and only those among the list's results (the mask, a bytea, tested with get_bit).
    # The ranking query leaves out the exclusions: every match lacks those words anyway, and
    # ts_rank gives a query with a negation its floor value whatever the headline holds.
    rank = "ts_rank('{0.1, 0.2, 0.4, 1.0}', headline, %s::tsquery)"
    tiered_rank = f"CASE WHEN headline @@ %s::tsquery THEN 1 + {rank} ELSE 0 END"
    leading_where = (
        "headline @@ %s::tsquery AND CASE WHEN resource_id < %s THEN get_bit(%s, resource_id::int) = 1 END"
    )
    leading_page_sql = (
        f"SELECT resource_id FROM library_search_document WHERE {leading_where} "  # noqa: S608
        f"ORDER BY {rank} DESC, published_at DESC, resource_id DESC LIMIT %s OFFSET %s"
    )
    leading_count_sql = f"SELECT count(*) FROM library_search_document WHERE {leading_where}"  # noqa: S608
    headline_ids_sql = "SELECT resource_id FROM library_search_document WHERE headline @@ %s::tsquery"

    def hit_mask(self, query, below):
        return self._mask(self.match_ids_sql, self.expression(query), below)

    def leading_mask(self, query, below):
        return self._mask(self.headline_ids_sql, self.ranking_expression(query), below)

    def leading_page(self, query, within, start, stop, place):
        expression, bits = self.ranking_expression(query), as_bytes(within)
        with connection.cursor() as cursor:
            cursor.execute(
                self.leading_page_sql, [expression, len(bits) * 8, bits, expression, stop - start, start]
            )
            return [row[0] for row in cursor.fetchall()]

    def leading_count(self, query, within):
        bits = as_bytes(within)
        with connection.cursor() as cursor:
            cursor.execute(self.leading_count_sql, [self.ranking_expression(query), len(bits) * 8, bits])
            return cursor.fetchone()[0]

    def _mask(self, ids_sql, expression, below):
        with connection.cursor() as cursor:
            cursor.execute(self.mask_sql.format(ids=ids_sql), [below >> 5, expression, below])
            (digits,) = cursor.fetchone()
            return int(digits, 16) if digits else 0

    def by_relevance(self, queryset, query):
        from library.models import Resource

        # the inner `id` is the Subquery's resource: library_search_document has no such column
        score = Resource.objects.filter(id=OuterRef("id")).annotate(
            score=RawSQL(  # noqa: S611
                f"(SELECT {self.tiered_rank} FROM library_search_document WHERE resource_id = id)",  # noqa: S608
                [self.ranking_expression(query)] * 2,
                output_field=FloatField(),
            )
        )
        return queryset.annotate(relevance=Subquery(score.values("score"))).order_by(
            "-relevance", "-published_at", "-id"
        )

    def ranking_expression(self, query):
        return self.expression(query.positive())

    def expression(self, query: ParsedQuery) -> str:
        groups = ["(" + " | ".join(_ts_term(term) for term in group) + ")" for group in query.groups]
        if query.excluded:
            groups.append("!(" + " | ".join(_ts_term(term) for term in query.excluded) + ")")
        return " & ".join(groups)

    def write(self, documents, deleted_ids):
        rows = [
            (
                document.resource_id,
                _tsvector(document.fields),
                _tsvector(document.fields, only=("a", "b")),
                document.published_at,
            )
            for document in documents
        ]
        with connection.cursor() as cursor:
            if deleted_ids:
                cursor.execute(
                    "DELETE FROM library_search_document WHERE resource_id = ANY(%s)", [list(deleted_ids)]
                )
            cursor.executemany(
                "INSERT INTO library_search_document (resource_id, document, headline, published_at) "
                "VALUES (%s, %s::tsvector, %s::tsvector, %s) ON CONFLICT (resource_id) "
                "DO UPDATE SET document = EXCLUDED.document, headline = EXCLUDED.headline, "
                "published_at = EXCLUDED.published_at",
                rows,
            )


class SQLiteBackend(Backend):
    match_ids_sql = "SELECT rowid FROM library_resource_fts WHERE library_resource_fts MATCH %s"
    bm25 = "bm25(library_resource_fts, 10.0, 4.0, 2.0, 1.0, 1.0)"
    hit_ids_sql = match_ids_sql + " AND rowid < %s"
    # bm25 is negative, lower is better; every match is scored
    scores_sql = f"SELECT rowid, -{bm25} FROM library_resource_fts WHERE library_resource_fts MATCH %s"  # noqa: S608

    def hit_mask(self, query, below):
        with connection.cursor() as cursor:
            cursor.execute(self.hit_ids_sql, [self.expression(query), below])
            return mask_of(row[0] for row in cursor.fetchall())

    # Every match is scored, and sorted here: at SQLite's sizes that is cheaper than a query
    # per page, and SQLite has no get_bit to test the list's results in SQL.

    def leading_page(self, query, within, start, stop, place):
        return [resource_id for _score, _place, resource_id in self._scored(query, within, place)[start:stop]]

    def leading_count(self, query, within):
        return len(self._scored(query, within, lambda resource_id: 0))

    def leading_mask(self, query, below):
        return mask_of(resource_id for resource_id, _score in self._scores(query) if resource_id < below)

    def _scored(self, query, within, place):
        bits = as_bytes(within)
        return sorted(
            (-score, place(resource_id), resource_id)
            for resource_id, score in self._scores(query)
            if has(bits, resource_id)
        )

    def _scores(self, query):
        with connection.cursor() as cursor:
            cursor.execute(self.scores_sql, [self.expression(query)])
            return cursor.fetchall()

    def by_relevance(self, queryset, query):
        from library.models import Resource

        score = Resource.objects.filter(id=OuterRef("id")).annotate(
            score=RawSQL(  # noqa: S611
                f"(SELECT {self.bm25} FROM library_resource_fts WHERE library_resource_fts MATCH %s "  # noqa: S608
                "AND library_resource_fts.rowid = id)",
                [self.expression(query)],
                output_field=FloatField(),
            )
        )
        return queryset.annotate(relevance=Subquery(score.values("score"))).order_by(
            "relevance", "-published_at", "-id"
        )

    def expression(self, query: ParsedQuery) -> str:
        groups = ["(" + " OR ".join(_fts_term(term) for term in group) + ")" for group in query.groups]
        expression = " AND ".join(groups)
        if query.excluded:
            expression += " NOT (" + " OR ".join(_fts_term(term) for term in query.excluded) + ")"
        return expression

    def write(self, documents, deleted_ids):
        ids = [document.resource_id for document in documents] + list(deleted_ids)
        rows = [
            (document.resource_id, *(" ".join(document.fields[name]) for name in FIELDS))
            for document in documents
        ]
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    f"DELETE FROM library_resource_fts WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",  # noqa: S608
                    chunk,
                )
            cursor.executemany(
                "INSERT INTO library_resource_fts (rowid, a, b, c, d, p) VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )


def _ts_lexeme(term_text):
    return "'" + term_text.replace("'", "''").replace("\\", "\\\\") + "'"


def _ts_term(term: Term) -> str:
    if term.prefix:
        return _ts_lexeme(term.variants[0][0]) + ":*"
    return "(" + " | ".join("(" + " <-> ".join(_ts_lexeme(t) for t in v) + ")" for v in term.variants) + ")"


def _fts_term(term: Term) -> str:
    if term.prefix:
        return '"' + term.variants[0][0] + '"*'
    return "(" + " OR ".join('"' + " ".join(variant) + '"' for variant in term.variants) + ")"


def _tsvector(fields, only=FIELDS) -> str:
    """A tsvector literal with each word's positions and weights; fields are kept one position
    apart so a phrase never spans two of them."""
    positions: dict[str, list[str]] = {}
    position = 1
    for name in FIELDS:
        for term in fields[name] if name in only else ():
            places = positions.setdefault(term, [])
            if len(places) < MAX_POSITIONS_PER_TERM:
                places.append(f"{min(position, MAX_POSITION)}{WEIGHTS[name]}")
            position += 1
        position += 1
    return " ".join(f"{_ts_lexeme(term)}:{','.join(places)}" for term, places in positions.items())


def backend_for(vendor: str) -> Backend:
    return PostgresBackend() if vendor == "postgresql" else SQLiteBackend()
