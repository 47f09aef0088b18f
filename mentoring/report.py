"""The figures the fund reports on: requests by theme and region, time to first answer, and
mentorships active and completed. Shown in the admin and exported as CSV."""

from statistics import median

from django.db.models import Count

from library.geography import REGIONS
from mentoring.models import Mentorship, Status


def figures(since=None, until=None):
    requests = Mentorship.objects.all()
    if since:
        requests = requests.filter(created_at__gte=since)
    if until:
        requests = requests.filter(created_at__lt=until)
    by_theme = list(
        requests.values("theme__slug").annotate(count=Count("id")).order_by("-count", "theme__slug")
    )
    by_region = list(requests.values("region").annotate(count=Count("id")).order_by("-count", "region"))
    by_status = dict(requests.values_list("status").annotate(count=Count("id")).order_by())
    answered = requests.filter(answered_at__isnull=False).values_list("created_at", "answered_at")
    hours = [(answered_at - created_at).total_seconds() / 3600 for created_at, answered_at in answered]
    from library.themes import THEME_NAMES

    return {
        "total": sum(by_status.values()),
        "by_status": [(status.label, by_status.get(status.value, 0)) for status in Status],
        "active": by_status.get(Status.ACTIVE, 0),
        "completed": by_status.get(Status.COMPLETED, 0),
        "by_theme": [
            (THEME_NAMES.get(row["theme__slug"], row["theme__slug"]), row["count"]) for row in by_theme
        ],
        "by_region": [
            (REGIONS[row["region"]][0] if row["region"] in REGIONS else "–", row["count"])
            for row in by_region
        ],
        "answered": len(hours),
        "median_hours_to_answer": round(median(hours), 1) if hours else None,
    }


def csv_rows(since=None, until=None):
    """(section, label, value) rows; the CSV writer neutralises formula-like cells."""
    data = figures(since, until)
    yield ("section", "label", "value")
    yield ("total", "requests", data["total"])
    for label, count in data["by_status"]:
        yield ("status", str(label), count)
    for label, count in data["by_theme"]:
        yield ("theme", str(label), count)
    for label, count in data["by_region"]:
        yield ("region", str(label), count)
    yield ("answers", "answered requests", data["answered"])
    median_hours = data["median_hours_to_answer"]
    yield ("answers", "median hours to first answer", "" if median_hours is None else median_hours)
