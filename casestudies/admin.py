from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from casestudies.models import CaseStudy
from library.admin import ResourceAdmin


@admin.register(CaseStudy)
class CaseStudyAdmin(ResourceAdmin):
    list_display = ("title", "organisation", "project_code", "status", "published_at", "language")
    search_fields = ("title", "slug", "summary", "organisation", "project_code")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "language")}),
        (
            _("The project"),
            {"fields": ("organisation", "project_code", ("period_start", "period_end"), "countries")},
        ),
        (_("The story"), {"fields": ("context", "approach", "results", "lessons_learned", "body")}),
        (_("Publishing"), {"fields": ("status", "published_at", "featured")}),
        (_("Classification"), {"fields": ("themes", "tags", "related")}),
        (_("Cover image"), {"fields": ("cover", "cover_alt"), "classes": ("collapse",)}),
    )
