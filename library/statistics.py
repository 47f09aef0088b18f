"""Download statistics for staff: per resource and per partner organisation, on screen or as CSV."""

import csv
from datetime import date, datetime, time, timedelta

from django import forms
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library.models import DownloadLog


class PeriodForm(forms.Form):
    since = forms.DateField(
        label=_("From (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data

    def downloads(self):
        """The log rows inside the chosen period (all of them when no dates are given)."""
        logs = DownloadLog.objects.all()
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        if data.get("since"):
            logs = logs.filter(time__gte=datetime.combine(data["since"], time.min, tzinfo=zone))
        if data.get("until") and data["until"] < date.max:  # no day follows the last one: no end
            logs = logs.filter(
                time__lt=datetime.combine(data["until"] + timedelta(days=1), time.min, tzinfo=zone)
            )
        return logs


def per_resource(logs):
    return (
        logs.values("resource_id", "resource__title", "resource__slug", "resource__kind")
        .annotate(
            downloads=Count("id"),
            partner_downloads=Count("id", filter=Q(organisation__isnull=False)),
            people=Count("user", distinct=True),
        )
        .order_by("-downloads", "resource__title", "resource_id")
    )


def per_organisation(logs):
    return (
        logs.filter(organisation__isnull=False)
        .values("organisation_id", "organisation__name")
        .annotate(
            downloads=Count("id"),
            people=Count("user", distinct=True),
            resources=Count("resource", distinct=True),
        )
        .order_by("-downloads", "organisation__name", "organisation_id")
    )


REPORTS = {
    "resources": {
        "title": _("Downloads per resource"),
        "rows": per_resource,
        "columns": [
            ("resource__title", _("Resource")),
            ("resource__slug", _("Slug")),
            ("resource__kind", _("Kind")),
            ("downloads", _("Downloads")),
            ("partner_downloads", _("By partners")),
            ("people", _("Signed-in people")),
        ],
    },
    "organisations": {
        "title": _("Downloads per partner organisation"),
        "rows": per_organisation,
        "columns": [
            ("organisation__name", _("Organisation")),
            ("downloads", _("Downloads")),
            ("people", _("People")),
            ("resources", _("Resources")),
        ],
    },
}

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Spreadsheets run cells that start like a formula; a leading quote keeps them text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_response(report, rows, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([str(label) for _key, label in report["columns"]])
    for row in rows:
        writer.writerow([_cell(row[key]) for key, _label in report["columns"]])
    return response
