"""Admin for the shared content model. Toolkits and guides are edited here; case studies in casestudies."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from library.models import Country, Resource, ResourceFile, Theme
from library.models.resources import Kind


class ResourceFileInline(admin.TabularInline):
    model = ResourceFile
    extra = 0
    fields = ("title", "file", "language", "access", "position", "format", "size", "sha256")
    readonly_fields = ("format", "size", "sha256")


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", "published_at", "language", "featured", "updated_at")
    list_filter = (
        "status",
        "kind",
        "language",
        "featured",
        "themes",
        ("published_at", admin.DateFieldListFilter),
    )
    search_fields = ("title", "slug", "summary")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("themes", "countries", "related")
    date_hierarchy = "published_at"
    inlines = [ResourceFileInline]
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "summary", "body", "language")}),
        (_("Publishing"), {"fields": ("status", "published_at", "featured")}),
        (_("Classification"), {"fields": ("themes", "tags", "countries", "related")}),
        (_("Cover image"), {"fields": ("cover", "cover_alt"), "classes": ("collapse",)}),
    )

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            # case studies have their own admin with their structured fields
            kwargs["choices"] = [
                (Kind.TOOLKIT.value, Kind.TOOLKIT.label),
                (Kind.GUIDE.value, Kind.GUIDE.label),
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    search_fields = ("name", "slug")

    def has_add_permission(self, request):
        return False  # the list is fixed by the public contract

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "region", "subregion")
    list_filter = ("region",)
    search_fields = ("code",)

    def get_search_results(self, request, queryset, search_term):
        # search by name in any language we show, as well as by code
        from django_countries import countries

        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            codes = [code for code, name in countries if search_term.lower() in str(name).lower()]
            queryset |= self.model.objects.filter(code__in=codes)
        return queryset, may_have_duplicates


# partner organisations, memberships and the download log (issue #5) live in their own module
from library import partner_admin  # noqa: E402,F401
