"""What every publishable thing shares (resources here; events, collections and programmes in their
apps): the workflow states, the public gate and the scheduled state. The mixins add no field, so a
model keeps its own field definitions and migrations."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishingQuerySet(models.QuerySet):
    def published(self):
        """The public gate: published and due."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published, but waiting for their publication time."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-id")


class PublishingStateMixin:
    """For a model with `status` and `published_at`: public once its time has come in one of
    `public_statuses`; scheduled while published and not yet due."""

    public_statuses = (Status.PUBLISHED,)

    def clean(self):
        super().clean()
        if self.status == Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    @property
    def is_public(self):
        return (
            self.status in self.public_statuses
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def state_label(self):
        """The workflow state as staff say it: "Scheduled" is published but not yet due."""
        return _("Scheduled") if self.is_scheduled else self.get_status_display()
