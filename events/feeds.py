"""Atom feed of new events: the newest published public events, newest publication first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from events.models import Event

FEED_SIZE = 50


class NewEventsFeed(Feed):
    feed_type = Atom1Feed
    title = _("New events")
    subtitle = _("Workshops and forums of the democracy resource library, newest first.")

    def link(self):
        return reverse("events:list")

    def items(self):
        return (
            Event.objects.public()
            .active()
            .select_related("country")
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        when = event.local_starts_at.strftime("%Y-%m-%d %H:%M")
        return f"{when} ({event.utc_offset}), {event.place_label}. {event.summary}"

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response
