"""Sitemaps of the library for crawlers: published resources and themes, in every interface language."""

from django.contrib.sitemaps import Sitemap

from library.models import Resource, Theme


class MultilingualSitemap(Sitemap):
    """Each address in every interface language, with hreflang alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    # each entry carries five addresses: 5,000 entries keep a page far below the 50 MB limit
    limit = 5000


class ResourceSitemap(MultilingualSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Resource.objects.published().only("id", "kind", "slug", "updated_at").order_by("id")

    def lastmod(self, resource):
        return resource.updated_at


class ThemeSitemap(MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Theme.objects.order_by("position", "id")
