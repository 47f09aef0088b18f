"""Serving a resource's files at /downloads/<uuid>/ with the access rules of the contract."""

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import render

from library.models import ResourceFile


def download(request, file_uuid):
    try:
        resource_file = ResourceFile.objects.select_related("resource").get(
            uuid=file_uuid, resource__in=_public_resources()
        )
    except ResourceFile.DoesNotExist:
        raise Http404 from None
    if resource_file.is_partner_only and not _may_have_partner_files(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return render(request, "library/partners_only.html", {"resource_file": resource_file}, status=403)
    response = FileResponse(
        resource_file.file.open("rb"), as_attachment=True, filename=resource_file.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _public_resources():
    from library.models import Resource

    return Resource.objects.published()


def _may_have_partner_files(user):
    # Partner organisations arrive with issue #5; until then no one holds partner access.
    return False
