"""The two index implementations behind one interface, chosen by the database vendor.

Both receive the same analysed words (library.search.analysis) and the same parsed query
(library.search.query), so they find the same resources; only the relevance formula differs
(PostgreSQL ts_rank over a small title/summary/tags headline, SQLite FTS5 bm25 over weighted
columns); both rank title matches first, then summary and tags, newest first among equals.

The SQL below is constant text (hence the noqa marks for ruff's injection checks): every value
that comes from a reader, the query expression included, travels as a parameter.
"""

from django.db import connection
from django.db.models import FloatField, OuterRef, Subquery
from django.db.models.expressions import RawSQL

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
            excluded = ParsedQuery(groups=(query.excluded,), excluded=())
            return queryset.exclude(id__in=RawSQL(self.match_ids_sql, [self.expression(excluded)]))  # noqa: S611
        return queryset

    def ranked_ids(self, queryset, query: ParsedQuery, offset: int, limit: int) -> list[int]:
        """Ids of one page of `queryset`'s resources that match, best first: one query that reads
        the index once (never once per row)."""
        inner, params = queryset.order_by().values("id").query.sql_with_params()
        expression = self.expression(query)
        arguments = [expression, *params, *([expression] if self.rank_repeats_query else []), limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(self.ranked_sql.format(inner=inner), arguments)
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend(Backend):
    match_ids_sql = (
        "SELECT id FROM library_search_hits(%s::tsquery) AS hits(id)"  # see migration 0006_search_index
    )
    # ranked by the title, summary and tag words (weights A, B); matches only in the body or the
    # files rank after them, newest first
    rank = "ts_rank('{0.1, 0.2, 0.4, 1.0}', headline, %s::tsquery)"
    ranked_sql = (
        "SELECT r.id FROM library_search_document d JOIN library_resource r ON r.id = d.resource_id "
        "WHERE d.resource_id IN (SELECT id FROM library_search_hits(%s::tsquery) AS hits(id)) AND r.id IN ({inner}) "
        "ORDER BY ts_rank('{{0.1, 0.2, 0.4, 1.0}}', d.headline, %s::tsquery) DESC, "
        "r.published_at DESC, r.id DESC LIMIT %s OFFSET %s"
    )
    rank_repeats_query = True

    def by_relevance(self, queryset, query):
        from library.models import Resource

        # the inner `id` is the Subquery's resource: library_search_document has no such column
        score = Resource.objects.filter(id=OuterRef("id")).annotate(
            score=RawSQL(  # noqa: S611
                f"(SELECT {self.rank} FROM library_search_document WHERE resource_id = id)",  # noqa: S608
                [self.expression(query)],
                output_field=FloatField(),
            )
        )
        return queryset.annotate(relevance=Subquery(score.values("score"))).order_by(
            "-relevance", "-published_at", "-id"
        )

    def expression(self, query: ParsedQuery) -> str:
        groups = ["(" + " | ".join(_ts_term(term) for term in group) + ")" for group in query.groups]
        if query.excluded:
            groups.append("!(" + " | ".join(_ts_term(term) for term in query.excluded) + ")")
        return " & ".join(groups)

    def write(self, documents, deleted_ids):
        rows = [
            (document.resource_id, _tsvector(document.fields), _tsvector(document.fields, only=("a", "b")))
            for document in documents
        ]
        with connection.cursor() as cursor:
            if deleted_ids:
                cursor.execute(
                    "DELETE FROM library_search_document WHERE resource_id = ANY(%s)", [list(deleted_ids)]
                )
            cursor.executemany(
                "INSERT INTO library_search_document (resource_id, document, headline) "
                "VALUES (%s, %s::tsvector, %s::tsvector) ON CONFLICT (resource_id) "
                "DO UPDATE SET document = EXCLUDED.document, headline = EXCLUDED.headline",
                rows,
            )


class SQLiteBackend(Backend):
    table = "library_resource_fts"
    match_ids_sql = "SELECT rowid FROM library_resource_fts WHERE library_resource_fts MATCH %s"
    bm25 = "bm25(library_resource_fts, 10.0, 4.0, 2.0, 1.0, 1.0)"
    # the FTS table drives the join (CROSS JOIN fixes the order), and the filters constrain the
    # resource table (r.id), never the FTS rowid: SQLite hands a rowid IN (...) to FTS5, which
    # then runs the full-text query once per listed id (seconds at 20,000 resources)
    ranked_sql = (
        "SELECT f.rowid FROM library_resource_fts f CROSS JOIN library_resource r ON r.id = f.rowid "
        "WHERE library_resource_fts MATCH %s AND r.id IN ({inner}) "
        "ORDER BY bm25(library_resource_fts, 10.0, 4.0, 2.0, 1.0, 1.0), r.published_at DESC, r.id DESC "
        "LIMIT %s OFFSET %s"
    )
    rank_repeats_query = False

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
