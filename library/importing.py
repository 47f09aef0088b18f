"""Import of resources in the contract's format, shared by `import_resources` and the admin.

`Importer` streams a file (`import_formats` reads it), validates every line (`import_validation`),
compares each valid record with what the database holds (by slug) and writes the changes in
batches, each batch in one transaction: a rejected line changes nothing, the valid lines are
loaded, and a second run of the same file finds everything unchanged. Existing resources are
updated in place, so their files, history and download counts stay.
"""

import time
from collections import Counter
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag

from library import search, subtypes
from library.import_formats import FileFormatError, detect_format, printable, read_lines
from library.import_validation import Record, RecordError, RecordValidator
from library.models import Resource, TaggedResource
from library.models.resources import Status

CREATED, UPDATED, UNCHANGED, REJECTED = "created", "updated", "unchanged", "rejected"


@dataclass(frozen=True)
class Outcome:
    line: int
    action: str
    slug: str = ""
    reason: str = ""


@dataclass
class ImportReport:
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    outcomes: list = field(default_factory=list)  # the first `keep` outcomes, for a preview
    more: int = 0  # outcomes not kept
    seconds: float = 0.0

    def count(self, action) -> int:
        return self.counts[action]

    @property
    def rejected(self) -> int:
        return self.counts[REJECTED]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        return _(
            "created %(created)d, updated %(updated)d, unchanged %(unchanged)d, rejected %(rejected)d"
        ) % {action: self.counts[action] for action in (CREATED, UPDATED, UNCHANGED, REJECTED)}


class Importer:
    """Streams one file into the database. `on_outcome(outcome)` hears about every line as it is
    decided; `keep` outcomes are kept on the report (for the admin's preview)."""

    def __init__(
        self,
        *,
        dry_run=False,
        batch_size=None,
        max_line_bytes=None,
        on_outcome=None,
        keep=0,
        on_progress=None,
        user=None,
    ):
        self.dry_run = dry_run
        self.user = user  # recorded as author of new resources and in the history of updated ones
        self.batch_size = batch_size or settings.LIBRARY_IMPORT_BATCH_SIZE
        self.max_line_bytes = max_line_bytes or settings.LIBRARY_IMPORT_MAX_LINE_BYTES
        self.on_outcome = on_outcome
        self.on_progress = on_progress
        self.keep = keep
        self.report = ImportReport(dry_run=dry_run)
        self.tags: dict[str, Tag] = {}

    def run(self, stream, name: str = "") -> ImportReport:
        started = time.monotonic()
        self.validator = RecordValidator()
        fmt = detect_format(name, peek(stream))
        first_lines = {}  # slug -> line of the record that claimed it
        batch = []
        lines = read_lines(stream, fmt, max_bytes=self.max_line_bytes, columns=self.validator.fields)
        try:
            for line in lines:
                if self.on_progress:
                    self.on_progress(line.number)
                if line.error:
                    self.decide(Outcome(line.number, REJECTED, reason=line.error))
                    continue
                try:
                    record = self.validator.validate(line.data, line.number)
                except RecordError as error:
                    slug = line.data.get("slug")
                    slug = printable(slug) if isinstance(slug, str) else ""
                    self.decide(Outcome(line.number, REJECTED, slug=slug, reason=str(error)))
                    continue
                if record.slug in first_lines:
                    self.decide(
                        Outcome(
                            line.number,
                            REJECTED,
                            slug=record.slug,
                            reason=_("the slug %(slug)r is already used on line %(line)d of this file")
                            % {"slug": record.slug, "line": first_lines[record.slug]},
                        )
                    )
                    continue
                first_lines[record.slug] = line.number
                batch.append(record)
                if len(batch) >= self.batch_size:
                    self.process(batch)
                    batch = []
        except FileFormatError as error:
            self.decide(Outcome(1, REJECTED, reason=str(error)))
        if batch:
            self.process(batch)
        self.report.seconds = time.monotonic() - started
        return self.report

    def decide(self, outcome: Outcome):
        self.report.counts[outcome.action] += 1
        if len(self.report.outcomes) < self.keep:
            self.report.outcomes.append(outcome)
        else:
            self.report.more += 1
        if self.on_outcome:
            self.on_outcome(outcome)

    # --- one batch ---------------------------------------------------------------------

    def process(self, batch: list[Record]):
        existing = self.existing(batch)
        self.resolve_tags(batch, create=False)
        creates, updates, decided = [], [], []
        for record in batch:
            current = existing.get(record.slug)
            if current is None:
                creates.append(record)
            elif current.kind != record.kind:
                decided.append(
                    Outcome(
                        record.line,
                        REJECTED,
                        record.slug,
                        _("%(slug)r is an existing %(current)s; an import cannot change its kind to %(kind)s")
                        % {"slug": record.slug, "current": current.kind, "kind": record.kind},
                    )
                )
            elif self.is_unchanged(current, record):
                decided.append(Outcome(record.line, UNCHANGED, record.slug))
            else:
                updates.append((record, current))
        if not self.dry_run and (creates or updates):
            decided += self.write_or_fall_back(creates, updates)
        else:
            decided += [Outcome(r.line, CREATED, r.slug) for r in creates]
            decided += [Outcome(r.line, UPDATED, r.slug) for r, _current in updates]
        for outcome in sorted(decided, key=lambda o: o.line):
            self.decide(outcome)

    def existing(self, batch):
        rows = Resource.objects.filter(slug__in=[r.slug for r in batch]).values_list("id", "kind")
        by_kind = {}
        for pk, kind in rows:
            by_kind.setdefault(kind, []).append(pk)
        found = {}
        for kind, ids in by_kind.items():
            for resource in subtypes.model_for(kind).objects.filter(pk__in=ids):
                found[resource.slug] = resource
        self.links = self.links_of([pk for pk, _kind in rows])
        if len(found) < len(rows):
            # a row whose subtype record is missing still holds its slug: it cannot be updated
            ids = [pk for ids in by_kind.values() for pk in ids]
            for resource in Resource.objects.filter(id__in=ids).exclude(slug__in=found.keys()):
                resource.kind = _("resource without its %(kind)s record") % {"kind": resource.kind}
                found[resource.slug] = resource
        return found

    def links_of(self, ids):
        """resource id -> (theme ids, country codes, tag ids), read as plain rows: far cheaper than
        prefetching model instances when most records turn out unchanged."""
        links = {pk: (set(), set(), set()) for pk in ids}
        if not ids:
            return links
        theme_link, country_link = Resource.themes.through, Resource.countries.through
        for pk, theme_id in theme_link.objects.filter(resource_id__in=ids).values_list(
            "resource_id", "theme_id"
        ):
            links[pk][0].add(theme_id)
        rows = country_link.objects.filter(resource_id__in=ids).values_list("resource_id", "country_id")
        for pk, code in rows:
            links[pk][1].add(code)
        rows = TaggedResource.objects.filter(content_object_id__in=ids).values_list(
            "content_object_id", "tag_id"
        )
        for pk, tag_id in rows:
            links[pk][2].add(tag_id)
        return links

    def published_time(self, record, current):
        """An absent published_at keeps an existing resource's time; a new published resource
        without one is published now (as the admin does); an explicit null means no time."""
        if record.published_at_given:
            return record.published_at
        if current is not None:
            return current.published_at
        return timezone.now() if record.status == Status.PUBLISHED else None

    def is_unchanged(self, current, record) -> bool:
        tag_ids = self.tag_ids(record)
        theme_ids, country_codes, current_tag_ids = self.links[current.pk]
        return (
            current.title == record.title
            and current.summary == record.summary
            and current.body == record.body
            and current.language == record.language
            and current.status == record.status
            and current.published_at == self.published_time(record, current)
            and all(getattr(current, name) == value for name, value in record.extra.items())
            and theme_ids == {self.validator.theme_ids[slug] for slug in record.themes}
            and country_codes == set(record.countries)
            and tag_ids is not None
            and current_tag_ids == set(tag_ids)
        )

    # --- tags --------------------------------------------------------------------------

    def tag_ids(self, record):
        """The record's tag ids, or None when one of its tags does not exist yet."""
        ids = []
        for name in record.tags:
            tag = self.tags.get(name.lower())
            if tag is None:
                return None
            ids.append(tag.id)
        return ids

    def resolve_tags(self, batch, *, create):
        wanted = {}
        for record in batch:
            for name in record.tags:
                if name.lower() not in self.tags:
                    wanted.setdefault(name.lower(), name)
        if not wanted:
            return
        for tag in Tag.objects.annotate(key=Lower("name")).filter(key__in=list(wanted)):
            self.tags.setdefault(tag.name.lower(), tag)
        missing = [name for key, name in wanted.items() if key not in self.tags]
        for tag in Tag.objects.filter(name__in=missing):
            self.tags.setdefault(tag.name.lower(), tag)
        if create:
            for key, name in wanted.items():
                if key not in self.tags:
                    self.tags[key] = Tag.objects.create(name=name)

    # --- writing -----------------------------------------------------------------------

    def write_or_fall_back(self, creates, updates) -> list[Outcome]:
        """Write the batch in one transaction; if the database refuses it, write record by record
        so that only the refused records are rejected."""
        try:
            with transaction.atomic():
                touched = self.write(creates, updates)
        except DatabaseError:
            self.tags.clear()
            return self.write_one_by_one(creates, updates)
        search.refresh_index(touched)  # it also renews the public cache version
        return [Outcome(r.line, CREATED, r.slug) for r in creates] + [
            Outcome(r.line, UPDATED, r.slug) for r, _current in updates
        ]

    def write_one_by_one(self, creates, updates) -> list[Outcome]:
        outcomes, touched = [], []
        work = [(record, None) for record in creates] + list(updates)
        for record, current in work:
            try:
                with transaction.atomic():
                    touched += self.write(
                        [record] if current is None else [], [] if current is None else [(record, current)]
                    )
            except DatabaseError as error:
                self.tags.clear()
                outcomes.append(
                    Outcome(
                        record.line,
                        REJECTED,
                        record.slug,
                        _("the database refused the record: %(error)s") % {"error": error},
                    )
                )
                continue
            outcomes.append(Outcome(record.line, CREATED if current is None else UPDATED, record.slug))
        search.refresh_index(touched)  # it also renews the public cache version
        return outcomes

    def write(self, creates, updates) -> list[int]:
        self.resolve_tags(
            [record for record in creates] + [record for record, _current in updates], create=True
        )
        return self.create(creates) + self.update(updates)

    def create(self, records) -> list[int]:
        if not records:
            return []
        resources = [
            Resource(
                kind=r.kind,
                title=r.title,
                slug=r.slug,
                summary=r.summary,
                body=r.body,
                language=r.language,
                status=r.status,
                published_at=self.published_time(r, None),
                created_by=self.user,
                updated_by=self.user,
            )
            for r in records
        ]
        Resource.objects.bulk_create(resources)
        for kind in {r.kind for r in records}:
            model = subtypes.model_for(kind)
            if model is not Resource:
                insert_subtype_rows(
                    model,
                    [(res.pk, r.extra) for res, r in zip(resources, records, strict=True) if r.kind == kind],
                )
        themes, countries, tags = [], [], []
        for resource, record in zip(resources, records, strict=True):
            themes += [(resource.pk, self.validator.theme_ids[slug]) for slug in record.themes]
            countries += [(resource.pk, code) for code in record.countries]
            tags += [(resource.pk, tag_id) for tag_id in self.tag_ids(record)]
        insert_rows(Resource.themes.through, ("resource", "theme"), themes)
        insert_rows(Resource.countries.through, ("resource", "country"), countries)
        insert_rows(TaggedResource, ("content_object", "tag"), tags)
        return [resource.pk for resource in resources]

    def update(self, updates) -> list[int]:
        """In place, one revision each (with the themes, countries and tags set), so the
        resource's history shows the import."""
        for record, resource in updates:
            with reversion.create_revision():
                resource.title, resource.summary, resource.body = record.title, record.summary, record.body
                resource.language, resource.status = record.language, record.status
                resource.published_at = self.published_time(record, resource)
                for name, value in record.extra.items():
                    setattr(resource, name, value)
                if self.user is not None:
                    resource.updated_by = self.user
                    reversion.set_user(self.user)
                reversion.set_comment(_("Updated by an import"))
                resource.save()
                resource.themes.set([self.validator.theme_ids[slug] for slug in record.themes])
                resource.countries.set(list(record.countries))
                resource.tags.set([self.tags[name.lower()] for name in record.tags])
        return [resource.pk for _record, resource in updates]


def peek(stream, size=256) -> bytes:
    """The first bytes of a stream, leaving it where it was."""
    if hasattr(stream, "peek"):
        return stream.peek(size)[:size]
    if stream.seekable():
        position = stream.tell()
        head = stream.read(size)
        stream.seek(position)
        return head
    return b""


def insert_subtype_rows(model, rows):
    """Insert the subtype table's rows for parents just created in bulk (Django's bulk_create
    does not do multi-table inheritance). Each row: (parent id, the subtype's fields); fields
    the record does not give take the model field's default."""
    fields = model._meta.local_concrete_fields
    params = []
    for pk, values in rows:
        params.append(
            [
                f.get_db_prep_save(pk if f.primary_key else values.get(f.name, f.get_default()), connection)
                for f in fields
            ]
        )
    execute_insert(model, [f.column for f in fields], params)


def insert_rows(model, field_names, rows):
    """Insert plain rows (ids only) into a link table, without building a model instance per row."""
    if rows:
        execute_insert(model, [model._meta.get_field(name).column for name in field_names], rows)


def execute_insert(model, columns, params):
    """Multi-row INSERTs in chunks the database accepts: much faster than one statement a row."""
    quote = connection.ops.quote_name
    # names come from the model; every value is a query parameter
    table, names = quote(model._meta.db_table), ", ".join(map(quote, columns))
    head = f"INSERT INTO {table} ({names}) VALUES "  # noqa: S608
    row = "({})".format(", ".join(["%s"] * len(columns)))
    size = max(1, min(1000, connection.ops.bulk_batch_size(columns, params)))
    with connection.cursor() as cursor:
        for start in range(0, len(params), size):
            chunk = params[start : start + size]
            cursor.execute(
                head + ", ".join([row] * len(chunk)), [value for values in chunk for value in values]
            )
