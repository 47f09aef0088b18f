"""Controlled vocabularies (themes, countries) and the explicit tag through model."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItemBase

from library.geography import REGIONS, country_name
from library.themes import THEME_NAMES


class Theme(models.Model):
    """One of the fund's eight themes. The list is fixed and loaded by a migration."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return str(self.label)

    def get_absolute_url(self):
        return reverse("library:theme-detail", kwargs={"slug": self.slug})

    @property
    def label(self):
        """The theme's name in the reader's language."""
        return THEME_NAMES.get(self.slug, self.name)


class Country(models.Model):
    """An ISO 3166-1 country with its UN M49 region; names come from django-countries, translated."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    region = models.SlugField(_("region"), max_length=40, db_index=True)
    subregion = models.SlugField(_("sub-region"), max_length=40)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return country_name(self.code)

    @property
    def region_name(self):
        return REGIONS[self.region][0] if self.region in REGIONS else ""


class TaggedResource(TaggedItemBase):
    """Explicit tag through table, so the tag joins are ours to index and query."""

    content_object = models.ForeignKey(
        "library.Resource", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tagged resource")
        verbose_name_plural = _("tagged resources")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_tag_per_resource"),
        ]
