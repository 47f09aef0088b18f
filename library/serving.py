"""HTTP delivery of a stored file: streaming, one byte range, conditional requests, safe names.

Django's FileResponse streams but knows nothing of `Range` or `If-None-Match`; this module adds
the parts of RFC 9110 a download needs (single ranges, 206/416, strong ETags from the stored
SHA-256, If-None-Match -> 304, If-Range) and an RFC 6266 `Content-Disposition`.
"""

import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from django.http import FileResponse, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags

BLOCK_SIZE = 64 * 1024
_RANGE_SPEC = re.compile(r"^\s*([0-9]*)\s*-\s*([0-9]*)\s*$")  # ASCII digits only, as RFC 9110 says
# a position with more digits lies past the end of any file (and int() refuses 4300 digits or more)
_MAX_DIGITS = 18
_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f"\\/]+')


class Unsatisfiable(Exception):
    """The range asked for lies wholly outside the file."""


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self):
        return self.end - self.start + 1


def parse_range(header, size):
    """The one byte range a `Range` header asks for, or None to send the whole file.

    A header we cannot read, or one with several ranges, is ignored (RFC 9110 allows both);
    a readable range that starts past the end raises Unsatisfiable."""
    if not header:
        return None
    unit, _, specs = header.partition("=")
    if unit.strip().lower() != "bytes" or not specs or "," in specs:
        return None
    match = _RANGE_SPEC.match(specs)
    if not match or not (match.group(1) or match.group(2)):
        return None
    first, last = match.groups()
    if not first:  # suffix range: the last N bytes
        suffix = _position(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return ByteRange(max(size - suffix, 0), size - 1)
    start = _position(first)
    end = _position(last) if last else size - 1
    if last and end < start:
        return None
    if start >= size:
        raise Unsatisfiable
    return ByteRange(start, min(end, size - 1))


def _position(digits):
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= _MAX_DIGITS else 10**_MAX_DIGITS


def quoted_etag(sha256):
    return f'"{sha256}"'


def etag_matches(header, etag, *, weak):
    """Whether an If-None-Match (weak comparison) or If-Range (strong) header names our ETag."""
    tags = parse_etags(header)
    if "*" in tags and weak:
        return True
    if weak:
        tags = [tag.removeprefix("W/") for tag in tags]
    return etag in tags


def _ascii(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9._ ()-]+", "_", folded).strip(" ._")


def content_disposition(filename):
    """`attachment` with a plain ASCII `filename` for old clients and `filename*` keeping the real name."""
    name = _UNSAFE_IN_NAME.sub("_", unicodedata.normalize("NFC", filename)).strip(" .") or "download"
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    ascii_suffix = _ascii(suffix)
    ascii_name = (_ascii(stem) or "download") + (f".{ascii_suffix}" if ascii_suffix else "")
    if ascii_name == name:
        return f'attachment; filename="{name}"'
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def content_type_for(filename):
    content_type, encoding = mimetypes.guess_type(filename)
    if encoding or not content_type:
        return "application/octet-stream"
    return content_type


class FileSlice:
    """A read-only window [start, start + length) on an open file, closed with it."""

    def __init__(self, fileobj, start, length):
        self._file = fileobj
        self._remaining = length
        if start:
            fileobj.seek(start)

    def read(self, size=-1):
        if self._remaining <= 0:
            return b""
        size = self._remaining if size is None or size < 0 else min(size, self._remaining)
        data = self._file.read(size)
        self._remaining -= len(data)
        return data

    def close(self):
        self._file.close()


def _validator_headers(response, *, etag, private):
    """What every answer carries, a 304 included: the validator and what caches may do with it."""
    if etag:
        response["ETag"] = etag
    # every request comes back to us, so the permission check runs each time
    response["Cache-Control"] = "private, no-cache" if private else "no-cache"
    response["Vary"] = "Cookie"
    return response


def _base_headers(response, *, etag, filename, private):
    _validator_headers(response, etag=etag, private=private)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = content_disposition(filename)
    return response


def file_response(request, open_file, *, size, sha256, filename, private):
    """Answer a GET or HEAD for a stored file; `open_file()` opens it only when bytes are sent.

    Returns the response and the byte range sent (None for the whole file, or when no body goes out)."""
    etag = quoted_etag(sha256) if sha256 else None  # no fingerprint, no validator: always send the file
    if_none_match = request.headers.get("If-None-Match") if etag else None
    if if_none_match and etag_matches(if_none_match, etag, weak=True):
        return _validator_headers(HttpResponseNotModified(), etag=etag, private=private), None
    range_header = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    if if_range and not (
        etag and if_range.strip().startswith('"') and etag_matches(if_range, etag, weak=False)
    ):
        range_header = None  # the client's copy is stale (or dated): send the whole new file
    try:
        byte_range = parse_range(range_header, size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return _base_headers(response, etag=etag, filename=filename, private=private), None
    content_type = content_type_for(filename)
    if byte_range is None:
        response = FileResponse(open_file(), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        body = FileSlice(open_file(), byte_range.start, byte_range.length)
        response = FileResponse(body, status=206, content_type=content_type)
        response["Content-Length"] = str(byte_range.length)
        response["Content-Range"] = f"bytes {byte_range.start}-{byte_range.end}/{size}"
    response.block_size = BLOCK_SIZE
    return _base_headers(response, etag=etag, filename=filename, private=private), byte_range
