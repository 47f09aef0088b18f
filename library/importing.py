"""Import of resources in the contract's format, shared by `import_resources` and the admin.

`RecordValidator` checks one record as the admin would and gives a clean `Record` or the
reasons it is rejected. `Importer` streams a file, validates every line, compares each valid
record with what the database holds (by slug) and writes the changes in batches, each batch in
one transaction: a rejected line changes nothing, the valid lines are loaded, and a second run of
the same file finds everything unchanged. Existing resources are updated in place, so their
files, history and download counts stay.
"""

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import reversion
from django.conf import settings
from django.core.validators import slug_re
from django.db import DatabaseError, connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from library import search, subtypes
from library.cache import bump_public_version
from library.import_formats import (
    LIST_SEPARATOR,
    FileFormatError,
    detect_format,
    printable,
    read_lines,
    shortened,
)
from library.languages import LANGUAGE_NAMES
from library.models import Country, Resource, TaggedResource, Theme
from library.models.resources import Kind, Status

# the import format's fields, in the order the exporter writes them
BASE_FIELDS = (
    "kind",
    "title",
    "slug",
    "summary",
    "body",
    "tags",
    "themes",
    "countries",
    "language",
    "published_at",
    "status",
)
IGNORED_FIELDS = ("url",)  # the public CSV export adds each resource's address
SLUG_PATTERN_HELP = "letters, digits, hyphens and underscores"
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length


def extra_field_names() -> tuple[str, ...]:
    """Every field that some kind adds (case studies: organisation, project_code, lessons_learned)."""
    names = []
    for kind in Kind.values:
        names += [name for name in subtypes.extra_fields(kind) if name not in names]
    return tuple(names)


def known_fields() -> tuple[str, ...]:
    return BASE_FIELDS + extra_field_names() + IGNORED_FIELDS


@dataclass
class Record:
    line: int
    kind: str
    title: str
    slug: str
    summary: str
    body: str
    language: str
    status: str
    published_at: datetime | None
    published_at_given: bool  # False when the field is absent: an existing resource keeps its time
    themes: tuple[str, ...]
    countries: tuple[str, ...]
    tags: tuple[str, ...]
    extra: dict = field(default_factory=dict)


class RecordError(ValueError):
    pass


def type_name(value) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


class RecordValidator:
    """Validates records with the rules of the admin forms. Themes and countries are read once."""

    def __init__(self):
        self.theme_ids = dict(Theme.objects.values_list("slug", "id"))
        self.country_codes = set(Country.objects.values_list("code", flat=True))
        self.fields = known_fields()
        self.extras = extra_field_names()
        self.max_lengths = {
            name: Resource._meta.get_field(name).max_length for name in ("title", "slug", "summary", "body")
        }

    def validate(self, data: dict, line: int = 0) -> Record:
        errors = []
        unknown = [name for name in data if name not in self.fields]
        if unknown:
            errors.append(
                _("unknown fields: %(names)s") % {"names": ", ".join(sorted(map(printable, unknown)))}
            )
        kind = self.text(data, "kind", errors, required=True, strip=True)
        if kind and kind not in Kind.values:
            errors.append(
                _("kind must be one of %(choices)s, not %(value)r")
                % {"choices": ", ".join(Kind.values), "value": shortened(kind)}
            )
        title = self.text(
            data, "title", errors, required=True, strip=True, max_length=self.max_lengths["title"]
        )
        summary = self.text(data, "summary", errors, required=True)
        body = self.text(data, "body", errors)
        slug = self.slug(data, title, errors)
        language = self.text(data, "language", errors, strip=True) or "en"
        if language not in LANGUAGE_NAMES:
            errors.append(
                _("language %(value)r is not one of the library's languages") % {"value": shortened(language)}
            )
        status = self.text(data, "status", errors, strip=True) or Status.DRAFT.value
        if status not in Status.values:
            errors.append(
                _("status must be one of %(choices)s, not %(value)r")
                % {"choices": ", ".join(Status.values), "value": shortened(status)}
            )
        published_at = self.published_at(data, errors)
        themes = self.text_list(data, "themes", errors)
        unknown_themes = [slug for slug in themes if slug not in self.theme_ids]
        if unknown_themes:
            errors.append(
                _("unknown themes: %(names)s") % {"names": ", ".join(map(printable, unknown_themes))}
            )
        countries = [code.upper() for code in self.text_list(data, "countries", errors)]
        unknown_countries = [code for code in countries if code not in self.country_codes]
        if unknown_countries:
            errors.append(
                _("unknown country codes (ISO 3166 alpha-2): %(codes)s")
                % {"codes": ", ".join(map(printable, unknown_countries))}
            )
        tags = self.tags(data, errors)
        extra = self.subtype_values(data, kind, errors)
        if errors:
            raise RecordError("; ".join(errors))
        return Record(
            line=line,
            kind=kind,
            title=title,
            slug=slug,
            summary=summary,
            body=body,
            language=language,
            status=status,
            published_at=published_at,
            published_at_given="published_at" in data,
            themes=tuple(sorted(set(themes))),
            countries=tuple(sorted(set(countries))),
            tags=tags,
            extra=extra,
        )

    def text(self, data, name, errors, *, required=False, strip=False, max_length=None) -> str:
        value = data.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors.append(
                _("%(field)s must be text, not %(type)s") % {"field": name, "type": type_name(value)}
            )
            return ""
        if not text_is_storable(value):
            errors.append(
                _("%(field)s contains characters that cannot be stored (NUL or a lone surrogate)")
                % {"field": name}
            )
            return ""
        if strip:
            value = value.strip()
        if required and not value.strip():
            errors.append(_("%(field)s is required") % {"field": name})
        if max_length and len(value) > max_length:
            errors.append(
                _("%(field)s is %(length)d characters long; at most %(max)d are allowed (it is never cut)")
                % {"field": name, "length": len(value), "max": max_length}
            )
        return value

    def text_list(self, data, name, errors) -> list[str]:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            errors.append(_("%(field)s must be a list of text") % {"field": name})
            return []
        if not all(text_is_storable(item) for item in value):
            errors.append(_("%(field)s contains characters that cannot be stored") % {"field": name})
            return []
        return [item.strip() for item in value if item.strip()]

    def slug(self, data, title, errors) -> str:
        given = "slug" in data and data["slug"] not in (None, "")
        slug = (
            self.text(data, "slug", errors, strip=True, max_length=self.max_lengths["slug"]) if given else ""
        )
        if given:
            if slug and not slug_re.match(slug):
                errors.append(
                    _("slug %(value)r may only contain %(allowed)s")
                    % {"value": shortened(slug), "allowed": SLUG_PATTERN_HELP}
                )
            return slug
        slug = slugify(title)[: self.max_lengths["slug"]].strip("-")
        if title and not slug:
            errors.append(_("no slug can be made from this title; give a slug"))
        return slug

    def published_at(self, data, errors) -> datetime | None:
        value = data.get("published_at")
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            errors.append(_("published_at must be text, not %(type)s") % {"type": type_name(value)})
            return None
        try:
            return parse_published_at(value.strip())
        except OverflowError:
            errors.append(
                _("published_at %(value)r lies outside the years 1 to 9999 once converted to UTC")
                % {"value": shortened(value)}
            )
        except ValueError:
            errors.append(
                _(
                    "published_at %(value)r is not an ISO 8601 date (2019-05-01) or date-time "
                    "(2019-05-01T09:30:00+02:00)"
                )
                % {"value": shortened(value)}
            )
        return None

    def tags(self, data, errors) -> tuple[str, ...]:
        names, seen = [], set()
        for name in self.text_list(data, "tags", errors):
            if len(name) > TAG_MAX_LENGTH:
                errors.append(
                    _("the tag %(name)r is longer than %(max)d characters")
                    % {"name": shortened(name), "max": TAG_MAX_LENGTH}
                )
            elif LIST_SEPARATOR in name:
                errors.append(
                    _("the tag %(name)r contains ; (it separates tags in CSV)") % {"name": shortened(name)}
                )
            elif name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
        return tuple(names)

    def subtype_values(self, data, kind, errors) -> dict:
        allowed = subtypes.extra_fields(kind) if kind in Kind.values else ()
        extra = {}
        for name in self.extras:
            if name in allowed:
                model_field = subtypes.model_for(kind)._meta.get_field(name)
                strip = model_field.get_internal_type() == "CharField"
                extra[name] = self.text(data, name, errors, strip=strip, max_length=model_field.max_length)
            elif data.get(name) not in (None, ""):
                errors.append(_("%(field)s belongs to case studies only") % {"field": name})
        return extra


def text_is_storable(value: str) -> bool:
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_published_at(value: str) -> datetime:
    """An ISO 8601 date means midnight UTC; a date-time without an offset is read as UTC.
    ValueError when the text is not ISO 8601, OverflowError when UTC falls outside years 1-9999."""
    if len(value) == 10:
        day = date.fromisoformat(value)
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# --- The importer -----------------------------------------------------------------------

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
        search.refresh_index(touched)
        if touched:
            bump_public_version()  # bulk writes send no signals; cached public pages must go
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
        search.refresh_index(touched)
        if touched:
            bump_public_version()  # bulk writes send no signals; cached public pages must go
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
