"""The shared content model: every kind of resource is one row of `Resource`."""

from library.models.files import ResourceFile
from library.models.resources import Resource, ResourceQuerySet
from library.models.search import SearchWord
from library.models.taxonomy import Country, TaggedResource, Theme

__all__ = ["Country", "Resource", "ResourceFile", "ResourceQuerySet", "SearchWord", "TaggedResource", "Theme"]
