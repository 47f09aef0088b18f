"""The record of every move through the publishing workflow: who moved what, from where to where, when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library.models.resources import Status


class StatusChange(models.Model):
    resource = models.ForeignKey(
        "library.Resource",
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("resource"),
    )
    transition = models.CharField(_("move"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("The publication time the move set, if any."),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.resource_id}: {self.from_status} -> {self.to_status}"
