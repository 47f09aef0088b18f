"""Sitemaps for crawlers: published collections and published programmes open to everyone."""

from library.sitemaps import MultilingualSitemap
from programmes.models import Collection, Programme


class CollectionSitemap(MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Collection.objects.published().only("id", "slug", "updated_at").order_by("id")

    def lastmod(self, collection):
        return collection.updated_at


class ProgrammeSitemap(MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return (
            Programme.objects.published()
            .filter(partners_only=False)
            .only("id", "slug", "updated_at")
            .order_by("id")
        )

    def lastmod(self, programme):
        return programme.updated_at
