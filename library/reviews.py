"""Review dates: every published resource has a "review by" date, when staff should check that
it is still true (a toolkit revised after an election, a law that changed, a case study from
years ago).

The first date is set when the resource is published (by any path: the workflow, an import, the
demo), the kind's period after its publication date: `LIBRARY_REVIEW_MONTHS` in settings
({"toolkit": 24, "guide": 24, "case-study": 36} unless the environment says otherwise). Staff
change it on the resource's form, or "mark as reviewed" (admin action), which records who and
when in the resource's history and sets the next date one period from today.
"""

import calendar
import datetime

import reversion
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from library import subtypes

DEFAULT_REVIEW_MONTHS = {"toolkit": 24, "guide": 24, "case-study": 36}


def review_months(kind):
    months = getattr(settings, "LIBRARY_REVIEW_MONTHS", {}) or {}
    return int(months.get(kind, DEFAULT_REVIEW_MONTHS.get(kind, 24)))


def add_months(day, months):
    """The same day `months` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def end_of_month(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def first_review_date(resource):
    published = resource.published_at or timezone.now()
    return add_months(timezone.localdate(published), review_months(resource.kind))


def mark_reviewed(resources, user, *, now=None):
    """Record that `user` reviewed each resource now; the next review is one period from today.
    Each is saved as its own kind (so the history keeps every field) with a revision naming the
    person. Returns how many were marked."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    marked = 0
    for resource in resources:
        model = subtypes.model_for(resource.kind)
        with transaction.atomic(), reversion.create_revision():
            current = model.objects.select_for_update().get(pk=resource.pk)
            current.reviewed_at, current.reviewed_by = now, user
            current.review_by = add_months(today, review_months(current.kind))
            current.save(update_fields=["reviewed_at", "reviewed_by", "review_by"])
            reversion.set_user(user)
            reversion.set_comment(
                gettext("Marked as reviewed; next review by %(date)s.")
                % {"date": date_format(current.review_by, "DATE_FORMAT")}
            )
        marked += 1
    return marked
