"""Bulk writes of a resource's themes, countries and tags, shared by the demo and generated content.

Rows go straight into the through tables (one INSERT each), which is what `.set()` would do
with several queries per resource.
"""

from taggit.models import Tag

from library.models import Resource, TaggedResource


def tag_ids(names):
    """{name: id} of these tags, created when missing (names compare case-insensitively, as
    TAGGIT_CASE_INSENSITIVE makes taggit do; a new tag gets taggit's default slug)."""
    ids = {}
    for name in dict.fromkeys(names):
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        ids[name] = tag.pk
    return ids


def write_links(links):
    """`links`: (resource id, theme ids, country codes, tag ids) for resources that have none yet."""
    links = list(links)
    Resource.themes.through.objects.bulk_create(
        Resource.themes.through(resource_id=resource_id, theme_id=theme_id)
        for resource_id, theme_ids, _codes, _tags in links
        for theme_id in theme_ids
    )
    Resource.countries.through.objects.bulk_create(
        Resource.countries.through(resource_id=resource_id, country_id=code)
        for resource_id, _themes, codes, _tags in links
        for code in codes
    )
    TaggedResource.objects.bulk_create(
        TaggedResource(content_object_id=resource_id, tag_id=tag_id)
        for resource_id, _themes, _codes, tag_ids_ in links
        for tag_id in tag_ids_
    )
