from events.models import Event
from library.sitemaps import MultilingualSitemap


class EventSitemap(MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Event.objects.public().only("id", "slug", "updated_at").order_by("id")

    def lastmod(self, event):
        return event.updated_at
