"""The public version, kept in the database: one row whose token is replaced by every change to
public content, in the same transaction as the change. Whatever is derived from public content
and kept in a process (the facet index) is keyed by it, so every process sees a change the
moment it commits and never before; a rolled-back change rolls the token back with it."""

import time

from django.db import models
from django.utils.translation import gettext_lazy as _

ROW = 1


class PublicVersionQuerySet(models.QuerySet):
    def current(self) -> int | None:
        """The token, or None when the row is missing (a flushed test database): nothing may
        then be keyed by it."""
        return self.filter(id=ROW).values_list("token", flat=True).first()

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
