"""Writing a case study: the shared publishing admin plus the project's structured fields."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from casestudies.models import CaseStudy
from library.admin import PublicationStateFilter, ResourceAdmin


@admin.register(CaseStudy)
class CaseStudyAdmin(ResourceAdmin):
    list_display = (
        "title",
        "organisation",
        "project_code",
        "state",
        "published_at",
        "created_by",
        "updated_at",
    )
    list_filter = (
        PublicationStateFilter,
        "themes",
        ("created_by", admin.RelatedOnlyFieldListFilter),
        ("published_at", admin.DateFieldListFilter),
        ("updated_at", admin.DateFieldListFilter),
        ("period_start", admin.DateFieldListFilter),
        "language",
        "countries",
    )
    search_fields = ("title", "slug", "summary", "organisation", "project_code")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "language", "translation_of")}),
        (
            _("The project"),
            {"fields": ("organisation", "project_code", ("period_start", "period_end"), "countries")},
        ),
        (
            _("The story"),
            {
                "fields": ("context", "approach", "results", "lessons_learned", "body"),
                "description": _(
                    "Write in Markdown: **bold**, *italic*, ## headings, - lists, [links](https://…). "
                    "“Save and preview” shows the page exactly as readers will see it."
                ),
            },
        ),
        (
            _("Publishing"),
            {"fields": ("state", "published_at", "featured", "licence", "created_by", "updated_by")},
        ),
        (_("Classification"), {"fields": ("themes", "tags", "new_tags", "related")}),
        (_("Cover image"), {"fields": ("cover", "cover_alt")}),
    )
