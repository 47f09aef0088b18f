"""A curated collection: an editor's ordered reading list of library resources."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from library.models import Resource
from programmes.models.publishing import Publishable, PublishableQuerySet


class CollectionQuerySet(PublishableQuerySet):
    def containing(self, resource):
        return self.filter(items__resource=resource)


class Collection(Publishable):
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("The editor's introduction, in Markdown.")
    )
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists and feeds.")
    )
    themes = models.ManyToManyField(
        "library.Theme", related_name="collections", verbose_name=_("themes"), blank=True
    )
    cover = models.ImageField(_("cover image"), upload_to="collections/%Y/", blank=True)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with a cover image."),
    )
    resources = models.ManyToManyField(
        Resource, through="CollectionItem", related_name="collections", verbose_name=_("resources")
    )

    objects = CollectionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        permissions = [("publish_collection", _("Can publish, schedule, unpublish and archive collections"))]
        indexes = [models.Index(fields=["status", "published_at"], name="collection_public_idx")]

    def get_absolute_url(self):
        return reverse("programmes:collection", kwargs={"slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.cover and not self.cover_alt.strip():
            raise ValidationError({"cover_alt": _("Describe the cover image for people who cannot see it.")})

    def public_items(self):
        """Its items whose resource is public now, in order, with what a resource card shows."""
        return (
            self.items.filter(resource__in=Resource.objects.published())
            .select_related("resource")
            .prefetch_related("resource__themes", "resource__countries", "resource__tags", "resource__files")
            .order_by("position", "id")
        )


class CollectionItem(models.Model):
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="items", verbose_name=_("collection")
    )
    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="collection_items", verbose_name=_("resource")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    note = models.CharField(
        _("editor's note"), max_length=300, blank=True, help_text=_("For example: “read chapter 2 first”.")
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        constraints = [
            models.UniqueConstraint(fields=["collection", "resource"], name="collection_item_once"),
        ]

    def __str__(self):
        return f"{self.collection_id}: {self.resource_id}"
