"""Resource: one table for toolkits, guides and case studies, so one query covers them all."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from library.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES, RIGHT_TO_LEFT
from library.licences import LICENCE_CHOICES, default_licence, licence_of
from library.models.counters import DatabaseCountersMixin
from library.models.publishing import PublishingQuerySet, PublishingStateMixin, Status
from library.models.taxonomy import TaggedResource
from library.url_prefixes import path_with_slug


class Kind(models.TextChoices):
    TOOLKIT = "toolkit", _("Toolkit")
    GUIDE = "guide", _("Guide")
    CASE_STUDY = "case-study", _("Case study")


# kind -> first URL segment of its list and detail pages (part of the public contract)
KIND_URL_SEGMENTS = {Kind.TOOLKIT: "toolkits", Kind.GUIDE: "guides", Kind.CASE_STUDY: "case-studies"}
KIND_PLURALS = {Kind.TOOLKIT: _("Toolkits"), Kind.GUIDE: _("Guides"), Kind.CASE_STUDY: _("Case studies")}


# what a resource card shows besides the resource's own fields
# what a resource card shows besides the resource's own fields (the tags only explain a search
# match: library.search.results adds them then)
CARD_RELATIONS = ("themes", "countries")


class ResourceQuerySet(PublishingQuerySet):
    # published() is the one gate of every public view, feed, sitemap, export, search and download

    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def for_cards(self):
        """What a list of resource cards shows, fetched in a fixed number of queries."""
        return self.prefetch_related(*CARD_RELATIONS)

    def in_review(self):
        return self.filter(status=Status.REVIEW)

    def due_for_review(self, today):
        """Published (or scheduled) resources whose review date falls before the end of today's
        month: the overdue ones and those due this month."""
        from library.reviews import end_of_month

        return self.filter(status=Status.PUBLISHED, review_by__lte=end_of_month(today))

    def overdue_for_review(self, today):
        return self.filter(status=Status.PUBLISHED, review_by__lt=today)

    def language_versions_of(self, resource):
        """The other language versions of a resource: its original and that original's translations."""
        original_id = resource.translation_of_id or resource.pk
        return (
            self.filter(models.Q(pk=original_id) | models.Q(translation_of_id=original_id))
            .exclude(pk=resource.pk)
            .order_by("language", "id")
        )


KIND_LABELS = dict(Kind.choices)


class Resource(DatabaseCountersMixin, PublishingStateMixin, models.Model):
    # set on a list's cards by a search (library.search.results.describe_matches); the defaults
    # spare the template a failed attribute lookup per card, which Django answers with a dir()
    search_snippet = ""
    partner_only_match = False

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=False,
        help_text=_(
            "The last part of the web address. Made from the title; change it only before publishing."
        ),
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in lists and search results.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("The full text, in Markdown."))
    language = models.CharField(
        _("language"), max_length=8, choices=CONTENT_LANGUAGES, default="en", db_index=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("When the resource goes public. A time in the future schedules it."),
    )
    featured = models.BooleanField(_("featured"), default=False, help_text=_("Show on the home page."))
    themes = models.ManyToManyField(
        "library.Theme", related_name="resources", verbose_name=_("themes"), blank=True
    )
    countries = models.ManyToManyField(
        "library.Country", related_name="resources", verbose_name=_("countries"), blank=True
    )
    tags = TaggableManager(_("tags"), through=TaggedResource, blank=True)
    related = models.ManyToManyField("self", blank=True, verbose_name=_("related resources"))
    cover = models.ImageField(_("cover image"), upload_to="covers/%Y/", blank=True)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with a cover image."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=LICENCE_CHOICES,
        default=default_licence,
        help_text=_(
            "The terms on which others may reuse the resource. Shown on its page and given to harvesters."
        ),
    )
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_(
            "When this resource is a version of another one in a different language, choose the original "
            "here. Readers of either version are offered the other languages."
        ),
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    # when staff should look at it again (library.reviews): set on publication from the kind's
    # default period, moved on by "mark as reviewed"
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When staff should check that the resource is still true. Set on publication."),
    )
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("last reviewed by"),
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

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        permissions = [("publish_resource", _("Can publish, schedule, unpublish and archive resources"))]
        indexes = [
            models.Index(fields=["status", "published_at"], name="resource_public_idx"),
            models.Index(fields=["kind", "status", "published_at"], name="resource_kind_public_idx"),
            models.Index(fields=["title"], name="resource_title_idx"),
            models.Index(fields=["download_count"], name="resource_popular_idx"),
            # covers what the facet index reads of every public resource: an index-only scan
            models.Index(
                fields=["status", "published_at", "kind", "language", "id"], name="resource_facets_idx"
            ),
            # Most resources are no translation. SQLite's statistics count the NULLs, judge an index
            # of every row useless for "translations of X" and scan all public resources instead
            # (a detail page took 37 ms at 20,000); this index holds only translations.
            models.Index(
                fields=["translation_of"],
                condition=models.Q(translation_of__isnull=False),
                name="resource_translations_idx",
            ),
            # The home page's few featured ones, newest first: without it the database reads every
            # public resource to find them (14 ms at 20,000)
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(featured=True),
                name="resource_featured_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # a resource gets its first review date when it is published, however it is published
        if self.status == Status.PUBLISHED and self.review_by is None:
            from library.reviews import first_review_date

            self.review_by = first_review_date(self)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "review_by" not in update_fields:
                kwargs["update_fields"] = [*update_fields, "review_by"]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return path_with_slug("library:detail", self.slug, segment=KIND_URL_SEGMENTS[self.kind])

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    def clean(self):
        super().clean()
        if self.cover and not self.cover_alt.strip():
            raise ValidationError({"cover_alt": _("Describe the cover image for people who cannot see it.")})
        if self.translation_of_id:
            self.clean_translation_of()

    def clean_translation_of(self):
        original = self.translation_of
        if self.pk and original.pk == self.pk:
            raise ValidationError({"translation_of": _("A resource cannot be a translation of itself.")})
        if original.translation_of_id:
            raise ValidationError(
                {"translation_of": _("Choose the original resource, not another translation of it.")}
            )
        if self.pk and self.translations.exists():
            raise ValidationError(
                {"translation_of": _("Other resources are translations of this one, so it is an original.")}
            )
        if original.language == self.language:
            raise ValidationError({"translation_of": _("A translation must be in another language.")})

    @property
    def licence_details(self):
        """The licence's name and address (library.licences)."""
        return licence_of(self)

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.language, self.language)

    @property
    def text_direction(self):
        return "rtl" if self.language in RIGHT_TO_LEFT else "ltr"

    @property
    def kind_segment(self):
        return KIND_URL_SEGMENTS[self.kind]

    @property
    def kind_plural(self):
        return KIND_PLURALS[self.kind]
