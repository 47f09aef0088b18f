"""Template filters that ask the access helper, so templates never restate its rules."""

from django import template

from library import access

register = template.Library()


@register.filter
def may_download(resource_file, user):
    """{% if file|may_download:user %}"""
    return access.can_download(user, resource_file)


@register.filter
def earlier_versions(resource_file):
    """{% for version in file|earlier_versions %}: from the versions prefetched with the file."""
    from library.file_versions import earlier_versions as earlier

    return earlier(resource_file)
