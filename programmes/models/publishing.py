"""What collections and programmes share with resources: the workflow states, who wrote and
changed them, and the record of every move (library.workflow does the moves)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES, RIGHT_TO_LEFT
from library.models.publishing import PublishingQuerySet, PublishingStateMixin, Status


class PublishableQuerySet(PublishingQuerySet):
    """The public gate `published()`, as for resources."""

    def counts_by(self, field):
        """{value of `field`: how many of these have it}, in one grouped query; through a
        many-to-many field (`themes__slug`) each one counts once per value it has."""
        rows = self.order_by().values(field).annotate(n=models.Count("id", distinct=True))
        return {row[field]: row["n"] for row in rows if row[field] is not None}


class Publishable(PublishingStateMixin, models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "The last part of the web address. Made from the title; change it only before publishing."
        ),
    )
    language = models.CharField(_("language"), max_length=8, choices=CONTENT_LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("When it goes public. A time in the future schedules it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("author"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.language, self.language)

    @property
    def text_direction(self):
        return "rtl" if self.language in RIGHT_TO_LEFT else "ltr"


class PublishingChange(models.Model):
    """One move of a collection or a programme through the workflow (resources keep theirs in
    library.StatusChange)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    transition = models.CharField(_("move"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"], name="publishing_change_idx")]
        verbose_name = _("publishing move")
        verbose_name_plural = _("publishing moves")

    def __str__(self):
        return f"{self.content_type_id}/{self.object_id}: {self.from_status} -> {self.to_status}"
