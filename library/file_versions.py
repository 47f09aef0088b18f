"""Versions of a file, with change notes.

Staff upload a new version over a resource's file instead of adding another file: the file keeps
its download address (/downloads/<uuid>/), which now serves the new version, and search reads the
new version's text only. Every version, the current one too, is a FileVersion row with its number,
date, uploader and change notes (Markdown); the earlier ones stay downloadable at
/downloads/<uuid>/versions/<number>/ under the file's own access rule. A file that never changed
has no row: its first row is written the first time a new version replaces it.

`ResourceFile.save()` calls the two functions below whenever a new upload replaces a stored file
(the admin's file inline, the shell, any code), inside one transaction with the save. Uploading
the same content again is no new version. The change notes and the uploader are taken from the
instance's `change_notes` and `changed_by` attributes, which the admin form sets.

`file_version_added` is sent inside that transaction (kwargs: `version`): receivers (such as the
notice to past downloaders) queue their work in it, so a version that rolls back leaves none.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.dispatch import Signal
from django.utils import timezone

file_version_added = Signal()

REPLACED_FIELDS = ("file", "version", "created_at", "format", "size", "sha256")


def before_replacement(resource_file, save_kwargs):
    """Lock the stored row, keep the version it served as a FileVersion and give the instance the
    next number. None when nothing is replaced (no stored file, or the same content again)."""
    from library.models.files import FileVersion, ResourceFile

    previous = (
        ResourceFile.objects.select_for_update().filter(pk=resource_file.pk).values(*REPLACED_FIELDS).first()
    )
    if previous is None or not previous["file"] or previous["sha256"] == resource_file.sha256:
        return None
    versions = FileVersion.objects.filter(resource_file_id=resource_file.pk)
    highest = versions.aggregate(highest=Max("number"))["highest"] or 0
    if not versions.filter(number=previous["version"]).exists():
        FileVersion.objects.create(
            resource_file_id=resource_file.pk,
            number=previous["version"],
            file=previous["file"],
            format=previous["format"],
            size=previous["size"],
            sha256=previous["sha256"],
            created_at=previous["created_at"],
        )
    # after a restore of an older revision the row may name a lower number than the newest row
    resource_file.version = max(highest, previous["version"]) + 1
    update_fields = save_kwargs.get("update_fields")
    if update_fields is not None and "version" not in update_fields:
        save_kwargs["update_fields"] = [*update_fields, "version"]
    return previous


def after_replacement(resource_file, previous):
    from library.models.files import FileVersion

    version = FileVersion.objects.create(
        resource_file=resource_file,
        number=resource_file.version,
        file=resource_file.file.name,
        format=resource_file.format,
        size=resource_file.size,
        sha256=resource_file.sha256,
        notes=getattr(resource_file, "change_notes", "") or "",
        created_at=timezone.now(),
        created_by=getattr(resource_file, "changed_by", None),
    )
    file_version_added.send(sender=FileVersion, version=version)
    return version


def recent_updates(files, now):
    """The current versions (beyond the first) of these files uploaded in the last
    FILE_VERSION_RECENT_DAYS, newest first, read from each file's prefetched `versions`."""
    since = now - timedelta(days=settings.FILE_VERSION_RECENT_DAYS)
    updates = [
        version
        for resource_file in files
        for version in resource_file.versions.all()
        if version.number == resource_file.version and version.number > 1 and version.created_at >= since
    ]
    return sorted(updates, key=lambda version: version.created_at, reverse=True)


def earlier_versions(resource_file):
    """The versions before the current one, newest first (from the prefetched `versions`)."""
    return sorted(
        (version for version in resource_file.versions.all() if version.number < resource_file.version),
        key=lambda version: version.number,
        reverse=True,
    )
