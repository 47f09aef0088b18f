"""Atom feeds: the newest collections, and each collection's resources in the editor's order."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from programmes.filters import CollectionFilter
from programmes.models import Collection

FEED_SIZE = 50


class AtomFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response


class CollectionsFeed(AtomFeed):
    """/feeds/collections/: the newest collections, narrowed by the list's `theme` and `language`."""

    def get_object(self, request):
        return CollectionFilter(request.GET, queryset=Collection.objects.published())

    def __call__(self, request, *args, **kwargs):
        # the filters are read again by get_object: one instance of this class serves every request
        if not self.get_object(request).is_valid():
            return HttpResponseBadRequest(
                _("Some of the feed's parameters could not be understood."),
                content_type="text/plain; charset=utf-8",
            )
        return super().__call__(request, *args, **kwargs)

    def title(self, filterset):
        return _("Collections – %(site)s") % {"site": _("Democracy resource library")}

    def subtitle(self, filterset):
        return _("Reading lists chosen by the fund's staff.")

    def link(self, filterset):
        return reverse("programmes:collections")

    def items(self, filterset):
        return filterset.qs.newest_first().prefetch_related("themes")[:FEED_SIZE]

    def item_title(self, collection):
        return collection.title

    def item_description(self, collection):
        return collection.summary

    def item_pubdate(self, collection):
        return collection.published_at

    def item_updateddate(self, collection):
        return max(collection.updated_at, collection.published_at)

    def item_categories(self, collection):
        return [theme.label for theme in collection.themes.all()]


class CollectionFeed(AtomFeed):
    """/feeds/collections/<slug>/: one collection's public resources, in its order."""

    def get_object(self, request, slug):
        return get_object_or_404(Collection.objects.published(), slug=slug)

    def title(self, collection):
        return _("%(collection)s – %(site)s") % {
            "collection": collection.title,
            "site": _("Democracy resource library"),
        }

    def subtitle(self, collection):
        return collection.summary

    def link(self, collection):
        return collection.get_absolute_url()

    def feed_url(self, collection):
        return reverse("programmes:collection-feed", kwargs={"slug": collection.slug})

    def items(self, collection):
        return list(collection.public_items()[:FEED_SIZE])

    def item_title(self, item):
        return item.resource.title

    def item_description(self, item):
        return f"{item.note}\n\n{item.resource.summary}" if item.note else item.resource.summary

    def item_link(self, item):
        return item.resource.get_absolute_url()

    def item_pubdate(self, item):
        return item.resource.published_at

    def item_updateddate(self, item):
        return max(item.resource.updated_at, item.resource.published_at)

    def item_categories(self, item):
        return [theme.label for theme in item.resource.themes.all()]
