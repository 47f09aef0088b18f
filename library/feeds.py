"""Atom feeds: the newest published resources, narrowed by the list's query parameters (a saved search)."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from library.filters import ResourceFilter
from library.models import Resource, Theme

FEED_SIZE = 50


@dataclass(frozen=True)
class FeedSubject:
    """What one request asked for: the filters, and the theme for a theme's feed."""

    filterset: ResourceFilter
    query: str
    theme: Theme | None = None


class LatestResourcesFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        subject = self.get_object(request, *args, **kwargs)
        if not subject.filterset.is_valid():
            return HttpResponseBadRequest(
                _("Some of the feed's parameters could not be understood."),
                content_type="text/plain; charset=utf-8",
            )
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response

    def base_queryset(self, theme):
        published = Resource.objects.published()
        return published.filter(themes=theme) if theme else published

    def get_object(self, request, slug=None):
        theme = get_object_or_404(Theme, slug=slug) if slug else None
        params = request.GET.copy()
        params.pop("page", None)
        filterset = ResourceFilter(params, queryset=self.base_queryset(theme))
        return FeedSubject(filterset=filterset, query=params.urlencode(), theme=theme)

    def title(self, subject):
        name = _("Democracy resource library")
        if subject.theme:
            return _("%(theme)s – %(site)s") % {"theme": subject.theme.label, "site": name}
        if subject.query:
            return _("Saved search – %(site)s") % {"site": name}
        return _("Latest resources – %(site)s") % {"site": name}

    def subtitle(self, subject):
        return _("The newest toolkits, guides and case studies.")

    def link(self, subject):
        url = subject.theme.get_absolute_url() if subject.theme else reverse("library:list")
        return f"{url}?{subject.query}" if subject.query else url

    def feed_url(self, subject):
        url = (
            reverse("library:theme-feed", kwargs={"slug": subject.theme.slug})
            if subject.theme
            else reverse("library:latest-feed")
        )
        return f"{url}?{subject.query}" if subject.query else url

    def items(self, subject):
        return subject.filterset.qs.order_by("-published_at", "-id").prefetch_related("themes")[:FEED_SIZE]

    def item_title(self, resource):
        return resource.title

    def item_description(self, resource):
        return resource.summary

    def item_pubdate(self, resource):
        return resource.published_at

    def item_updateddate(self, resource):
        return max(resource.updated_at, resource.published_at)

    def item_categories(self, resource):
        return [theme.label for theme in resource.themes.all()]
