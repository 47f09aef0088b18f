"""Uploads are judged by their content, never by their name.

`validate_upload()` reads the bytes and names the type (PDF, DOCX, XLSX, PPTX, ODT, ZIP, PNG,
JPEG, WebP), refuses everything else with a message that says what the file really is, and hands
back a file with a safe name and the right extension. Images are decoded and re-encoded (which
drops anything hidden in them, metadata included) and scaled to a sensible size, so a PNG/HTML
polyglot never reaches a reader as something a browser would run; SVG is never accepted.

`LimitedUploadHandler` streams every upload to a temporary file and stops keeping the bytes of a
file as soon as it passes UPLOAD_MAX_BYTES, so an oversized upload is never held in memory or on
disk; the form then refuses it with the limit in the message.
"""

import io
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    extension: str
    content_type: str
    pillow_format: str = ""

    @property
    def is_image(self):
        return bool(self.pillow_format)


TYPES = {
    t.key: t
    for t in (
        FileType("pdf", "PDF", "pdf", "application/pdf"),
        FileType(
            "docx",
            "Word (DOCX)",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        FileType(
            "xlsx",
            "Excel (XLSX)",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        FileType(
            "pptx",
            "PowerPoint (PPTX)",
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        FileType("odt", "OpenDocument text (ODT)", "odt", "application/vnd.oasis.opendocument.text"),
        FileType("zip", "ZIP", "zip", "application/zip"),
        FileType("png", "PNG", "png", "image/png", "PNG"),
        FileType("jpeg", "JPEG", "jpg", "image/jpeg", "JPEG"),
        FileType("webp", "WebP", "webp", "image/webp", "WEBP"),
    )
}
DOCUMENT_TYPES = tuple(TYPES)
IMAGE_TYPES = ("png", "jpeg", "webp")
# the extensions a name may carry for each type (a name with another allowed type's extension is refused)
EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "odt": "odt",
    "zip": "zip",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "jpe": "jpeg",
    "webp": "webp",
}

# bytes that make a browser treat content as a page or run it
ACTIVE_MARKERS = (
    b"<html",
    b"<script",
    b"<svg",
    b"<!doctype html",
    b"<body",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<?xml-stylesheet",
    b"javascript:",
)
SNIFF_WINDOW = 4096
ZIP_MAX_ENTRIES = 10_000
ZIP_MAX_EXPANSION = 100  # uncompressed size at most this many times the limit on uploads
ODF_TEXT = b"application/vnd.oasis.opendocument.text"
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}


class OversizeUpload(UploadedFile):
    """Stands in for an upload cut off at the size limit: it knows its name and size, holds no bytes."""

    def __init__(self, name, content_type, size, charset=None, content_type_extra=None):
        super().__init__(io.BytesIO(), name, content_type, size, charset, content_type_extra)


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Streams uploads to a temporary file and drops a file's bytes once it passes the limit."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.oversize = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.oversize:
            return None
        if self.received > settings.UPLOAD_MAX_BYTES:
            self.oversize = True
            self.file.close()  # deletes the partial temporary file
            return None
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size):
        if self.oversize:
            return OversizeUpload(
                self.file_name, self.content_type, self.received, self.charset, self.content_type_extra
            )
        return super().file_complete(file_size)


def refuse(message, code, **params):
    return ValidationError(message, code=code, params=params)


def accepted_labels(kinds):
    return get_text_list([TYPES[k].label for k in kinds], _("or"))


def validate_upload(uploaded, kinds=DOCUMENT_TYPES):
    """Check one upload; return (a file ready to store under a safe name, its FileType) or raise
    ValidationError saying why it is refused."""
    limit = settings.UPLOAD_MAX_BYTES
    if isinstance(uploaded, OversizeUpload) or (uploaded.size or 0) > limit:
        raise refuse(
            _("The file is larger than the limit of %(limit)s. Make it smaller or split it."),
            "too_large",
            limit=filesizeformat(limit),
        )
    if not uploaded.size:
        raise refuse(_("The file is empty."), "empty")
    file_type = identify(uploaded)
    if file_type.key not in kinds:
        raise refuse(
            _("This file is %(what)s, which is not accepted here. Accepted: %(accepted)s."),
            "not_accepted",
            what=file_type.label,
            accepted=accepted_labels(kinds),
        )
    claimed = EXTENSIONS.get(PurePosixPath(uploaded.name or "").suffix.lower().lstrip("."))
    if claimed and claimed != file_type.key:
        raise refuse(
            _(
                "The file is named as %(claimed)s but its content is %(what)s. "
                "Check that you chose the right file."
            ),
            "name_mismatch",
            claimed=TYPES[claimed].label,
            what=file_type.label,
        )
    name = safe_name(uploaded.name, file_type)
    if file_type.is_image:
        return reencoded_image(uploaded, file_type, name), file_type
    uploaded.seek(0)
    uploaded.name = name
    return uploaded, file_type


def safe_name(original, file_type):
    stem = slugify(PurePosixPath(original or "").stem)[:80].strip("-_") or "file"
    return f"{stem}.{file_type.extension}"


def identify(uploaded):
    """The FileType of the content, or ValidationError describing what the content is instead."""
    uploaded.seek(0)
    head = uploaded.read(SNIFF_WINDOW)
    uploaded.seek(0)
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _identify_zip(uploaded)
    if _has_active_content(head):
        # a page in disguise: whatever its first bytes say, a browser sniffing it would run it
        raise _refuse_unknown(head)
    if head.startswith(b"%PDF-"):
        _check_pdf(uploaded)
        return TYPES["pdf"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return TYPES["png"]
    if head.startswith(b"\xff\xd8\xff"):
        return TYPES["jpeg"]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return TYPES["webp"]
    raise _refuse_unknown(head)


def _refuse_unknown(head):
    lowered = head.lower()
    if (
        head.startswith(b"MZ")
        or head.startswith(b"\x7fELF")
        or head[:4] in (b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
    ):
        what = _("a program")
    elif b"<svg" in lowered:
        what = _("an SVG image, which can carry script")
    elif _has_active_content(head):
        what = _("a web page (HTML) or contains script")
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        what = _("a GIF image")
    else:
        what = _("of a type we cannot recognise")
    return refuse(
        _("This file is %(what)s. Accepted: %(accepted)s."),
        "unknown_type",
        what=what,
        accepted=accepted_labels(DOCUMENT_TYPES),
    )


def _has_active_content(data):
    lowered = data.lower()
    return any(marker in lowered for marker in ACTIVE_MARKERS)


def _scan_for(uploaded, markers):
    """Whether any marker occurs anywhere in the file, read in chunks (overlapping at the seams)."""
    uploaded.seek(0)
    tail = b""
    longest = max(len(m) for m in markers)
    for chunk in uploaded.chunks():
        window = (tail + chunk).lower()
        if any(marker in window for marker in markers):
            uploaded.seek(0)
            return True
        tail = window[-longest:]
    uploaded.seek(0)
    return False


def _check_pdf(uploaded):
    uploaded.seek(max(0, uploaded.size - 2048))
    end = uploaded.read()
    uploaded.seek(0)
    if b"%%EOF" not in end:
        raise refuse(_("This PDF is incomplete or damaged: it has no end marker."), "damaged")
    if _scan_for(uploaded, (b"/javascript", b"/launch")):
        raise refuse(
            _("This PDF contains script or launches programs, which we do not accept."), "active_pdf"
        )


def _identify_zip(uploaded):
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
            _check_archive(entries)
            names = {entry.filename for entry in entries}
            if entries and entries[0].filename == "mimetype" and entries[0].file_size < 100:
                mimetype = archive.read("mimetype").strip()
                if mimetype == ODF_TEXT:
                    return TYPES["odt"]
                if mimetype.startswith(b"application/vnd.oasis.opendocument"):
                    raise refuse(
                        _("Of the OpenDocument formats only text documents (ODT) are accepted."), "odf_kind"
                    )
            if "[Content_Types].xml" in names:
                for part, key in OOXML_PARTS.items():
                    if part in names:
                        return TYPES[key]
                raise refuse(_("This Office file is of a kind we do not accept."), "office_kind")
            return TYPES["zip"]
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        RuntimeError,  # an entry is encrypted
        NotImplementedError,  # a compression method or zip version zipfile cannot read
        zlib.error,  # broken compressed data
    ):
        raise refuse(_("This ZIP file is damaged and cannot be opened."), "damaged") from None
    finally:
        uploaded.seek(0)


def _check_archive(entries):
    if len(entries) > ZIP_MAX_ENTRIES:
        raise refuse(_("This archive holds more than %(count)s files."), "zip_entries", count=ZIP_MAX_ENTRIES)
    if sum(entry.file_size for entry in entries) > settings.UPLOAD_MAX_BYTES * ZIP_MAX_EXPANSION:
        raise refuse(_("This archive expands to far more than the upload limit."), "zip_bomb")
    for entry in entries:
        path = PurePosixPath(entry.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts:
            raise refuse(
                _("This archive holds files with unsafe paths (%(name)s)."), "zip_path", name=entry.filename
            )
        if path.name.lower() == "vbaproject.bin":
            raise refuse(_("This Office file contains macros, which we do not accept."), "macros")


def reencoded_image(uploaded, file_type, name):
    """Decode the image and encode it again, upright and no larger than UPLOAD_IMAGE_MAX_SIDE."""
    if _scan_for(uploaded, ACTIVE_MARKERS):
        raise refuse(
            _("This image has web page code or script hidden in it, which we do not accept."), "polyglot"
        )
    side = settings.UPLOAD_IMAGE_MAX_SIDE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                if image.format != file_type.pillow_format:
                    raise refuse(_("This image is damaged."), "damaged")
                width, height = image.size
                if width * height > settings.UPLOAD_IMAGE_MAX_PIXELS:
                    raise refuse(
                        _("This image is %(width)s × %(height)s pixels, too large to use. Scale it down."),
                        "too_many_pixels",
                        width=width,
                        height=height,
                    )
                image.load()
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((side, side))
                return ContentFile(_encode(upright, file_type), name=name)
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise refuse(_("This image is damaged or too large to read."), "damaged") from None
    finally:
        uploaded.seek(0)


def _encode(image, file_type):
    out = io.BytesIO()
    if file_type.key == "jpeg":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=85, optimize=True)
    elif file_type.key == "webp":
        image.save(out, "WEBP", quality=85)
    else:
        image.save(out, "PNG")
    return out.getvalue()


class CheckedFileField(forms.FileField):
    """A form field for uploads that accepts only the given kinds, checked by content."""

    def __init__(self, *, kinds=DOCUMENT_TYPES, **kwargs):
        self.kinds = tuple(kinds)
        kwargs.setdefault(
            "help_text",
            _("Accepted: %(accepted)s.") % {"accepted": accepted_labels(self.kinds)},
        )
        super().__init__(**kwargs)
        accept = {f".{ext}" for ext, key in EXTENSIONS.items() if key in self.kinds}
        self.widget.attrs["accept"] = ",".join(sorted(accept))

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):  # a new upload (not the file already stored)
            value, _file_type = validate_upload(value, self.kinds)
        return value
