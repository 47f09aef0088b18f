"""Files attached to a resource (mostly toolkits), each with its own download address."""

import hashlib
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from library.languages import CONTENT_LANGUAGES
from library.models.counters import DatabaseCountersMixin


class Access(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    PARTNERS = "partners", _("Partners only")


def stored_file_name(instance, filename):
    """Files are stored under a random folder so a guessed path leads nowhere."""
    safe = get_valid_filename(PurePosixPath(filename).name)[:120] or "file"
    return f"files/{uuid.uuid4().hex}/{safe}"


class TextStatus(models.TextChoices):
    NONE = "", _("Not a PDF")
    EXTRACTED = "extracted", _("Text extracted")
    EMPTY = "empty", _("No text found (scanned images?)")
    ENCRYPTED = "encrypted", _("Encrypted: text not readable")
    BROKEN = "broken", _("Damaged: text not readable")


class ResourceFile(DatabaseCountersMixin, models.Model):
    uuid = models.UUIDField(_("download id"), default=uuid.uuid4, unique=True, editable=False)
    resource = models.ForeignKey(
        "library.Resource", on_delete=models.CASCADE, related_name="files", verbose_name=_("resource")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=255)
    language = models.CharField(_("language"), max_length=8, choices=CONTENT_LANGUAGES, default="en")
    format = models.CharField(_("format"), max_length=10, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    access = models.CharField(_("access"), max_length=10, choices=Access.choices, default=Access.PUBLIC)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # what search reads of the file: partner-only text is searched but never shown
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_status = models.CharField(
        _("text extraction"), max_length=10, choices=TextStatus.choices, blank=True, editable=False
    )
    # the number of the version this row serves (library.file_versions); earlier ones are FileVersion rows
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        from library import file_versions

        replacing = self._replaces_stored_file()
        # a new upload is fingerprinted, also when it replaces a file
        if self.file and (not self.sha256 or replacing):
            self.record_fingerprint()
            self.record_text()
        if not replacing:
            super().save(*args, **kwargs)
        else:
            # a new file uploaded over an existing one is its next version: the download address stays
            with transaction.atomic():
                replaced = file_versions.before_replacement(self, kwargs)
                super().save(*args, **kwargs)
                if replaced is not None:
                    file_versions.after_replacement(self, replaced)
        self._loaded_file_name = self.file.name if self.file else None

    def get_absolute_url(self):
        return reverse("library:download", kwargs={"file_uuid": self.uuid})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # the stored name as loaded: a different one at save time is a new upload over it
        instance._loaded_file_name = instance.__dict__.get("file") and str(instance.__dict__["file"])
        return instance

    def _replaces_stored_file(self):
        loaded = getattr(self, "_loaded_file_name", None)
        return bool(
            self.pk and self.file and (not self.file._committed or (loaded and self.file.name != loaded))
        )

    @property
    def is_partner_only(self):
        return self.access == Access.PARTNERS

    def record_text(self):
        from library.extraction import extract_text

        self.text, self.text_status = (
            extract_text(self.file) if self.format == "PDF" else ("", TextStatus.NONE)
        )

    def record_fingerprint(self):
        """Size, SHA-256 and format of the file's content, read in chunks."""
        digest = hashlib.sha256()
        size = 0
        # an upload not yet committed to storage is open and must stay open for the save
        was_closed = self.file.closed
        self.file.open("rb")
        try:
            self.file.seek(0)
            for chunk in self.file.chunks():
                digest.update(chunk)
                size += len(chunk)
        finally:
            if was_closed:
                self.file.close()
            else:
                self.file.seek(0)
        self.sha256 = digest.hexdigest()
        self.size = size
        self.format = PurePosixPath(self.file.name).suffix.lstrip(".").upper()[:10]


class FileVersion(models.Model):
    """One version of a file. A file's current version is served at its own address; the earlier
    ones stay downloadable at /downloads/<uuid>/versions/<number>/ under the same access rule."""

    resource_file = models.ForeignKey(
        ResourceFile, on_delete=models.CASCADE, related_name="versions", verbose_name=_("file")
    )
    number = models.PositiveIntegerField(_("number"))
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=255)
    format = models.CharField(_("format"), max_length=10, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    notes = models.TextField(_("change notes"), blank=True, help_text=_("What changed, in Markdown."))
    created_at = models.DateTimeField(_("uploaded"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        ordering = ["resource_file", "-number"]
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
        constraints = [
            models.UniqueConstraint(fields=["resource_file", "number"], name="file_version_number_unique")
        ]

    def __str__(self):
        return f"{self.resource_file} v{self.number}"

    def get_absolute_url(self):
        return reverse(
            "library:download-version",
            kwargs={"file_uuid": self.resource_file.uuid, "number": self.number},
        )
