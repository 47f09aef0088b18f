"""Streaming readers for the import format: JSON Lines and CSV, one record at a time.

Both readers take a binary stream and yield `Line`s: a line number and either the record (a dict
with the import format's field names) or the reason the line cannot be read. Physical lines are
read with a size cap, so a file with a gigantic line never holds more than the cap in memory: the
line is skipped in chunks and reported as too long.
"""

import csv
import io
import json
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext as _

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # what spreadsheets save as "Unicode text"
LIST_SEPARATOR = ";"
LIST_FIELDS = ("tags", "themes", "countries")
# cells a spreadsheet would run as a formula; the CSV export prefixes them with an apostrophe
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 1 << 20

JSON_LINES, CSV = "jsonl", "csv"


def shortened(text: str, limit: int = 40) -> str:
    """A value from the file as a message quotes it (with %r, which escapes NUL and lone surrogates):
    a line may hold megabytes in one field."""
    return text if len(text) <= limit else text[:limit] + "…"


def printable(text: str) -> str:
    """A value from the file as a message shows it unquoted: shortened, and escaped as repr() would,
    so that the message can always be written to a terminal or a UTF-8 page."""
    return repr(shortened(text))[1:-1]


def needs_formula_guard(value: str) -> bool:
    """True for a cell the CSV export writes with a leading apostrophe: one a spreadsheet would run
    as a formula, and one that only looks guarded ('=x), so that the import, which takes one
    apostrophe off such cells, gives every value back as it was."""
    return value.lstrip("'").startswith(FORMULA_STARTS)


@dataclass(frozen=True)
class Line:
    number: int
    data: dict | None = None
    error: str | None = None


class FileFormatError(ValueError):
    """The file as a whole cannot be read (for example a CSV header naming unknown columns)."""


def detect_format(name: str, head: bytes) -> str:
    """JSON Lines or CSV, from the file name's extension or else from the first bytes."""
    lowered = (name or "").lower()
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return JSON_LINES
    if lowered.endswith(".csv"):
        return CSV
    stripped = head.removeprefix(BOM).lstrip()
    return JSON_LINES if stripped.startswith(b"{") else CSV


def read_lines(stream: BinaryIO, fmt: str, *, max_bytes: int, columns=None):
    """Yield the file's records as `Line`s. `columns` names the CSV columns the importer knows."""
    if fmt == JSON_LINES:
        return read_json_lines(stream, max_bytes=max_bytes)
    return read_csv(stream, max_bytes=max_bytes, columns=columns)


def physical_lines(stream: BinaryIO, max_bytes: int):
    """Yield (number, bytes, quote count): bytes is None for a line longer than max_bytes,
    which is read past in chunks without being kept. A UTF-16 file is refused as a whole: read as
    UTF-8, its every line would be rejected for a misleading reason."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if number == 1 and line.startswith(UTF16_BOMS):
            raise FileFormatError(
                _("the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")
            )
        if len(line) > max_bytes and not line.endswith(b"\n"):
            quotes = line.count(b'"')
            del line
            while True:
                rest = stream.readline(_CHUNK)
                if not rest:
                    break
                quotes += rest.count(b'"')
                if rest.endswith(b"\n"):
                    break
            yield number, None, quotes
        else:
            yield number, line, line.count(b'"')


def too_long(max_bytes: int) -> str:
    return _("the line is longer than %(limit)s bytes; it was skipped") % {"limit": f"{max_bytes:,}"}


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            _("the line is not valid UTF-8 (byte %(byte)s at position %(position)d)")
            % {"byte": f"0x{raw[error.start]:02x}", "position": error.start + 1}
        ) from None


def read_json_lines(stream: BinaryIO, *, max_bytes: int):
    for number, raw, _quotes in physical_lines(stream, max_bytes):
        if raw is None:
            yield Line(number, error=too_long(max_bytes))
            continue
        if number == 1:
            raw = raw.removeprefix(BOM)
        if not raw.strip():
            continue  # blank lines are allowed and skipped
        try:
            text = decode(raw)
        except ValueError as error:
            yield Line(number, error=str(error))
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            yield Line(
                number,
                error=_("not valid JSON: %(message)s at column %(column)d")
                % {"message": error.msg, "column": error.colno},
            )
            continue
        except RecursionError:
            yield Line(number, error=_("not valid JSON: nested too deeply"))
            continue
        except ValueError:  # Python refuses to convert integers of more than 4,300 digits
            yield Line(number, error=_("not valid JSON: a number has too many digits"))
            continue
        if not isinstance(data, dict):
            yield Line(number, error=_('each line must be one JSON object: {"kind": ..., "title": ...}'))
            continue
        yield Line(number, data)


def read_csv(stream: BinaryIO, *, max_bytes: int, columns=None):
    """CSV with a header row naming the import format's fields. A quoted cell may span lines;
    a record is reported by the number of the line it starts on."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    header = None
    chunks, size, quotes, start, oversized = [], 0, 0, None, False
    for number, raw, line_quotes in physical_lines(stream, max_bytes):
        if start is None:
            start = number
        quotes += line_quotes
        if raw is None:
            oversized, chunks, size = True, [], 0
        elif not oversized:
            chunks.append(raw)
            size += len(raw)
            if size > max_bytes:
                oversized, chunks, size = True, [], 0
        if quotes % 2:
            continue  # inside a quoted cell: the record goes on
        record_start, data, was_oversized = start, b"".join(chunks), oversized
        chunks, size, quotes, start, oversized = [], 0, 0, None, False
        if was_oversized:
            if header is None:
                raise FileFormatError(
                    _("the header row is longer than %(limit)s bytes") % {"limit": max_bytes}
                )
            yield Line(record_start, error=too_long(max_bytes))
            continue
        if record_start == 1:
            data = data.removeprefix(BOM)
        if not data.strip():
            continue
        try:
            row = parse_csv_record(data)
        except ValueError as error:
            if header is None:
                raise FileFormatError(str(error)) from None
            yield Line(record_start, error=str(error))
            continue
        if header is None:
            header = check_header(row, columns)
            continue
        if len(row) != len(header):
            yield Line(
                record_start,
                error=_("the line has %(cells)d cells but the header names %(columns)d")
                % {"cells": len(row), "columns": len(header)},
            )
            continue
        yield Line(record_start, csv_record(header, row))
    if start is not None:
        yield Line(start, error=_("a quoted cell is never closed"))


def parse_csv_record(data: bytes) -> list[str]:
    text = decode(data)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ValueError(_("not valid CSV: %(message)s") % {"message": error}) from None
    if len(rows) != 1:
        raise ValueError(_("not valid CSV: a line break outside quotes"))
    return rows[0]


def check_header(row: list[str], columns) -> list[str]:
    header = [name.strip() for name in row]
    if "" in header:
        raise FileFormatError(
            _("column %(number)d of the header has no name") % {"number": header.index("") + 1}
        )
    if columns is not None:
        unknown = [name for name in header if name not in columns]
        if unknown:
            raise FileFormatError(
                _("the header names unknown columns: %(names)s")
                % {"names": ", ".join(map(printable, unknown))}
            )
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise FileFormatError(
            _("the header repeats columns: %(names)s") % {"names": ", ".join(map(printable, duplicated))}
        )
    return header


def csv_record(header: list[str], row: list[str]) -> dict:
    """Empty cells are absent fields; list cells are split on `;`; the export's formula guard
    (an apostrophe before =, +, -, @) is taken off again."""
    record = {}
    for name, value in zip(header, row, strict=True):
        if value.startswith("'") and needs_formula_guard(value[1:]):
            value = value[1:]
        if value == "":
            continue
        if name in LIST_FIELDS:
            record[name] = [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
        else:
            record[name] = value
    return record
