"""The public version, kept in the database: one row whose token (the time of the last public
change, in nanoseconds) is replaced by every change to public content, in the same transaction
as the change. Cached pages and each process's facet index are keyed by it (library.cache), so
every process sees a change the moment it commits and never before; a rolled-back change rolls
the token back with it."""

import time

from django.db import models
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _

ROW = 1


class PublicVersionQuerySet(models.QuerySet):
    def current(self, now):
        """(token, the newest publication time that has come, the next one still to come), in
        one query: two index probes beside the row."""
        from library.models.resources import Resource, Status

        times = Resource.objects.filter(status=Status.PUBLISHED).values("published_at")
        row = self.filter(id=ROW).values_list(
            "token",
            Subquery(times.filter(published_at__lte=now).order_by("-published_at")[:1]),
            Subquery(times.filter(published_at__gt=now).order_by("published_at")[:1]),
        )
        found = row.first()
        if found is None:  # the row is gone (a flushed test database): a new version begins
            self.replace()
            found = row.first()
        return found

    def replace(self):
        # an upsert: one statement on both databases, and it recreates a missing row
        self.bulk_create(
            [PublicVersion(id=ROW, token=time.time_ns())],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["token"],
        )


class PublicVersion(models.Model):
    token = models.BigIntegerField(_("token"))

    objects = PublicVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("public version")
        verbose_name_plural = _("public version")

    def __str__(self):
        return str(self.token)
