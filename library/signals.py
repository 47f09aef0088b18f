"""Bump the public cache version whenever public content may have changed (see library.cache)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from library.cache import bump_public_version
from library.models import Country, Resource, ResourceFile, TaggedResource, Theme
from library.models.counters import only_counters_saved

PUBLIC_MODELS = (Resource, ResourceFile, Theme, Country, Tag, TaggedResource)


def _saved(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, PUBLIC_MODELS):
        return
    if only_counters_saved(instance, update_fields):
        return
    bump_public_version()


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, PUBLIC_MODELS):
        bump_public_version()


def _relations_changed(sender, action, **kwargs):
    if action.startswith("post_") and sender in _public_through_models():
        bump_public_version()


def _public_through_models():
    return {Resource.themes.through, Resource.countries.through, Resource.related.through, TaggedResource}


def connect():
    post_save.connect(_saved, dispatch_uid="library-public-version-save")
    post_delete.connect(_deleted, dispatch_uid="library-public-version-delete")
    m2m_changed.connect(_relations_changed, dispatch_uid="library-public-version-m2m")
