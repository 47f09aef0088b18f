"""Serving a resource's files at /downloads/<uuid>/, and all of a toolkit's files as one ZIP.

Both views ask `library.access` first and respond second. Local files stream from here; with
object storage the view answers with a short-lived signed address after the same check."""

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from zipstream import ZipStream

from library import access
from library.access import Decision
from library.download_log import record_downloads
from library.models import FileVersion, ResourceFile
from library.models.resources import Kind
from library.serving import BLOCK_SIZE, content_disposition, content_type_for, file_response

logger = logging.getLogger(__name__)


def download_name(resource_file):
    """The name the person's computer saves the file under: the name it was uploaded with."""
    return resource_file.file.name.rsplit("/", 1)[-1]


def _refuse(request, decision, *, resource_file=None, resource=None):
    """Sign-in, 403 or 404 for a refusal; the 403 page speaks of the one file, or of all of `resource`'s."""
    if decision is Decision.SIGN_IN:
        return redirect_to_login(request.get_full_path())
    if decision is Decision.FORBIDDEN:
        return _partners_only(request, resource or resource_file.resource, resource_file)
    raise Http404


def _partners_only(request, resource, resource_file):
    """403 for a signed-in person outside every partner organisation, saying how to get in."""
    context = {"resource": resource, "resource_file": resource_file}
    return render(request, "library/partners_only.html", context, status=403)


@require_safe
def download(request, file_uuid):
    resource_file = ResourceFile.objects.select_related("resource").filter(uuid=file_uuid).first()
    decision = access.decide(request.user, resource_file)
    if decision is not Decision.ALLOW:
        return _refuse(request, decision, resource_file=resource_file)
    if settings.MEDIA_SIGNED_URL_SECONDS:
        return _signed_redirect(request, resource_file)
    try:
        size = resource_file.file.size
    except FileNotFoundError:
        raise Http404 from None
    response, byte_range = file_response(
        request,
        lambda: resource_file.file.storage.open(resource_file.file.name, "rb"),
        size=size,
        sha256=resource_file.sha256,
        filename=download_name(resource_file),
        # partner files, and the files of resources only staff can see, must stay out of shared caches
        private=resource_file.is_partner_only or not resource_file.resource.is_public,
    )
    # one download is a full answer or the first piece of one: resumed pieces, HEAD and 304 do not count
    sent_from_start = response.status_code == 200 or (response.status_code == 206 and byte_range.start == 0)
    if request.method == "GET" and sent_from_start:
        record_downloads(request, [resource_file])
    return response


@require_safe
def download_version(request, file_uuid, number):
    """An earlier version of a file, under the file's own access rule; the current version (and
    any number the file never had) is 404 here: it lives at the file's own address."""
    resource_file = ResourceFile.objects.select_related("resource").filter(uuid=file_uuid).first()
    decision = access.decide(request.user, resource_file)
    if decision is not Decision.ALLOW:
        return _refuse(request, decision, resource_file=resource_file)
    version = get_object_or_404(
        FileVersion.objects.filter(resource_file=resource_file, number__lt=resource_file.version),
        number=number,
    )
    if settings.MEDIA_SIGNED_URL_SECONDS:
        return _signed_redirect(request, resource_file, stored=version.file, version=version.number)
    try:
        size = version.file.size
    except FileNotFoundError:
        raise Http404 from None
    response, byte_range = file_response(
        request,
        lambda: version.file.storage.open(version.file.name, "rb"),
        size=size,
        sha256=version.sha256,
        filename=download_name(version),
        private=resource_file.is_partner_only or not resource_file.resource.is_public,
    )
    sent_from_start = response.status_code == 200 or (response.status_code == 206 and byte_range.start == 0)
    if request.method == "GET" and sent_from_start:
        record_downloads(request, [resource_file], version=version.number)
    return response


def _signed_redirect(request, resource_file, *, stored=None, version=None):
    """Object storage: the bucket is private; hand out an address that works for a minute or so."""
    stored = stored or resource_file.file
    name = stored.name.rsplit("/", 1)[-1]
    url = stored.storage.url(
        stored.name,
        parameters={
            "ResponseContentDisposition": content_disposition(name),
            "ResponseContentType": content_type_for(name),
        },
        expire=settings.MEDIA_SIGNED_URL_SECONDS,
    )
    if request.method == "GET":
        record_downloads(request, [resource_file], version=version)
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def bundle(request, slug):
    """Every file of a toolkit this person may have, as one ZIP streamed while it is built."""
    toolkit = get_object_or_404(access.visible_resources(request.user).filter(kind=Kind.TOOLKIT), slug=slug)
    all_files = toolkit.files.all()
    files = list(access.downloadable_files(request.user, all_files).order_by("position", "id"))
    if not files:  # no file at all (404), or every one closed to this person: refused as one of them is
        return _refuse(request, access.decide(request.user, all_files.first()), resource=toolkit)
    sizes = _stored_sizes(files)
    files = [resource_file for resource_file in files if resource_file.pk in sizes]
    if not files:
        raise Http404
    stream = ZipStream(sized=True)
    used = set()
    for resource_file in files:
        stream.add(
            _chunks(resource_file), _unique(download_name(resource_file), used), size=sizes[resource_file.pk]
        )
    response = StreamingHttpResponse(stream, content_type="application/zip")
    response["Content-Length"] = str(len(stream))
    response["Content-Disposition"] = content_disposition(f"{toolkit.slug}.zip")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    if request.method == "GET":
        record_downloads(request, files, in_bundle=True)
    return response


def _stored_sizes(files):
    """Each file's size in storage; a file whose content has gone missing is left out (and logged)."""
    sizes = {}
    for resource_file in files:
        try:
            sizes[resource_file.pk] = resource_file.file.size
        except FileNotFoundError:
            logger.warning(
                "File %s of resource %s is missing from storage",
                resource_file.uuid,
                resource_file.resource_id,
            )
    return sizes


def _chunks(resource_file):
    """The file's bytes, opened only when the ZIP reaches it and closed as soon as it is sent."""
    with resource_file.file.storage.open(resource_file.file.name, "rb") as handle:
        while chunk := handle.read(BLOCK_SIZE):
            yield chunk


def _unique(name, used):
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{stem} ({number}){dot}{suffix}"
    used.add(candidate)
    return candidate
