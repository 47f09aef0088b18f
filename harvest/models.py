"""Withdrawals: the record that a resource the public could see is gone from public view.

OAI-PMH harvesters ask "what changed since my last visit?" and must be told of records that
went away, or their copies live on. A resource that was public and stops being public
(unpublished, archived, rescheduled into the future) or is deleted leaves a row here, written by
signals (harvest.withdrawals) in the same transaction as the change. A row whose resource is
public again no longer counts (harvest.records decides that when it reads), so republishing
needs no bookkeeping to be right; the signal still removes the row, to keep the table small.
"""

from django.db import models


class Withdrawal(models.Model):
    # (not shown to readers or staff: a record for harvesters, so its labels are not translated)
    # not a foreign key: the resource may be deleted, and its id is never reused
    resource_id = models.BigIntegerField("resource id", unique=True)
    withdrawn_at = models.DateTimeField("withdrawn", db_index=True)
    # the OAI sets it belonged to when it was last public, space-separated with a space at
    # each end (" kind:guide theme:youth-engagement "), so set-selective harvests find it
    set_specs = models.TextField("sets", blank=True)
    deleted = models.BooleanField("deleted", default=False, help_text="The resource itself is gone.")

    class Meta:
        ordering = ["resource_id"]
        verbose_name = "withdrawn resource"
        verbose_name_plural = "withdrawn resources"

    def __str__(self):
        return f"{self.resource_id} ({self.withdrawn_at:%Y-%m-%d})"
