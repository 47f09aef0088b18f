"""Export of resources in the import format, as JSON Lines (the command, the admin) or CSV (the
public list). The output is deterministic: the same resources give the same bytes, so that
export -> import into an empty database -> export gives identical files.
"""

import csv
import json
from datetime import UTC, datetime

from django.db.models import prefetch_related_objects

from library import subtypes
from library.import_formats import LIST_SEPARATOR, needs_formula_guard
from library.import_validation import BASE_FIELDS, extra_field_names

CHUNK_SIZE = 500


def format_published_at(value: datetime | None) -> str | None:
    """Midnight UTC is written as a date (as the format's example), any other time as an ISO
    date-time in UTC."""
    if value is None:
        return None
    value = value.astimezone(UTC)
    if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
        return value.date().isoformat()
    return value.isoformat()


def sorted_tag_names(resource) -> list[str]:
    return sorted(
        (item.tag.name for item in resource.tagged_items.all()), key=lambda name: (name.lower(), name)
    )


def record_of(resource, extra: dict) -> dict:
    """One resource as a record of the import format, keys in the format's order."""
    record = {
        "kind": resource.kind,
        "title": resource.title,
        "slug": resource.slug,
        "summary": resource.summary,
        "body": resource.body,
        "tags": sorted_tag_names(resource),
        "themes": sorted(theme.slug for theme in resource.themes.all()),
        "countries": sorted(country.code for country in resource.countries.all()),
        "language": resource.language,
        "published_at": format_published_at(resource.published_at),
        "status": resource.status,
    }
    for name in subtypes.extra_fields(resource.kind):
        record[name] = extra.get(name, "")
    return record


def chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def resources_with_records(queryset, chunk_size=CHUNK_SIZE):
    """(resource, record) for each resource of the queryset, in its order, a chunk at a time so
    memory stays flat however many there are."""
    for chunk in chunks(queryset.iterator(chunk_size=chunk_size), chunk_size):
        prefetch_related_objects(chunk, "themes", "countries", "tagged_items__tag")
        extras = {}
        for kind in {resource.kind for resource in chunk}:
            names = subtypes.extra_fields(kind)
            if names:
                ids = [resource.pk for resource in chunk if resource.kind == kind]
                for row in subtypes.model_for(kind).objects.filter(pk__in=ids).values("pk", *names):
                    extras[row.pop("pk")] = row
        for resource in chunk:
            yield resource, record_of(resource, extras.get(resource.pk, {}))


def json_lines(queryset):
    """The import format: one JSON object a line, in slug order."""
    for _resource, record in resources_with_records(queryset.order_by("slug")):
        yield json.dumps(record, ensure_ascii=False) + "\n"


# --- CSV for spreadsheets -------------------------------------------------------------------


def csv_columns() -> list[str]:
    return [*BASE_FIELDS, *extra_field_names(), "url"]


def neutralise(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (see needs_formula_guard)."""
    return "'" + value if needs_formula_guard(value) else value


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    return neutralise(str(value))


class _Line:
    """csv.writer writes into this and gets the line back, so rows can be streamed."""

    def write(self, value):
        return value


def csv_lines(queryset, url_of):
    """The header, then one row per resource in the queryset's order; UTF-8 with a BOM so that
    spreadsheet programs read the accents right."""
    columns = csv_columns()
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(columns)
    for resource, record in resources_with_records(queryset):
        record["url"] = url_of(resource)
        yield writer.writerow([csv_cell(record.get(name)) for name in columns])
