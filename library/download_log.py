"""Recording downloads: one log row per file sent, counters raised in the database itself."""

from django.db import transaction
from django.db.models import F

from library import access
from library.client_address import address_fingerprint
from library.models import DownloadLog, Resource, ResourceFile


def record_downloads(request, files, *, in_bundle=False, version=None):
    """Log that these files went to this person and count them on each file and its resource
    (`version`: the number of the earlier version sent; else each file's current one).

    The counters are raised with F() expressions, so concurrent downloads never lose a count."""
    files = list(files)
    if not files:
        return
    user = request.user if request.user.is_authenticated else None
    organisations = access.partner_organisations(user) if user else []
    organisation = organisations[0] if organisations else None
    fingerprint = address_fingerprint(request)
    per_resource = {}
    for resource_file in files:
        per_resource[resource_file.resource_id] = per_resource.get(resource_file.resource_id, 0) + 1
    with transaction.atomic():
        DownloadLog.objects.bulk_create(
            DownloadLog(
                file=resource_file,
                resource_id=resource_file.resource_id,
                user=user,
                organisation=organisation,
                in_bundle=in_bundle,
                client_hash=fingerprint,
                version=version or resource_file.version,
                language=(getattr(request, "LANGUAGE_CODE", "") or "")[:10],
            )
            for resource_file in files
        )
        ResourceFile.objects.filter(pk__in=[f.pk for f in files]).update(
            download_count=F("download_count") + 1
        )
        for resource_id, count in per_resource.items():
            Resource.objects.filter(pk=resource_id).update(download_count=F("download_count") + count)
