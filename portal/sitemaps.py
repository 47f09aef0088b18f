"""The sitemap's sections: the site's fixed pages here, the library's content from library.sitemaps."""

from django.urls import reverse

from events.sitemaps import EventSitemap
from library.sitemaps import MultilingualSitemap, ResourceSitemap, ThemeSitemap
from programmes.sitemaps import CollectionSitemap, ProgrammeSitemap

STATIC_PAGES = [
    "home",
    "library:list",
    "library:toolkits",
    "library:guides",
    "library:case-studies",
    "library:themes",
    "events:list",
    "events:past",
    "programmes:collections",
    "programmes:programmes",
]


class StaticPageSitemap(MultilingualSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return STATIC_PAGES

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticPageSitemap,
    "themes": ThemeSitemap,
    "resources": ResourceSitemap,
    "events": EventSitemap,
    "collections": CollectionSitemap,
    "programmes": ProgrammeSitemap,
}
