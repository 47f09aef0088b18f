"""The public list as a spreadsheet: /library/export.csv."""

from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils.translation import gettext as _

from library.exporting import csv_lines
from library.filters import ResourceFilter
from library.models import Resource


def export_csv(request):
    """The current filtered list (the list's query parameters, published resources only) as CSV,
    streamed row by row; 400 when a parameter is not understood, as the list page answers."""
    filterset = ResourceFilter(request.GET, queryset=Resource.objects.published())
    if not filterset.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.form.errors.items())
        return HttpResponseBadRequest(
            _("The list cannot be exported: %(problems)s") % {"problems": problems},
            content_type="text/plain; charset=utf-8",
        )
    response = StreamingHttpResponse(
        csv_lines(
            filterset.qs, url_of=lambda resource: request.build_absolute_uri(resource.get_absolute_url())
        ),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="library.csv"'
    return response
