"""Collections and programmes show on cached public pages (their own, theme pages, and every
member resource's page: "Part of: ..."), so any change to them bumps the public version, and
their publication times are part of the public state (library.models.versions)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from library.cache import bump_public_version
from library.models.publishing import Status
from library.models.versions import publishes_on_schedule
from programmes.models import Choice, Collection, CollectionItem, Module, Programme, Question, Step

PUBLIC_MODELS = (Collection, CollectionItem, Programme, Module, Step, Question, Choice)


def _changed(sender, instance, raw=False, **kwargs):
    if isinstance(instance, PUBLIC_MODELS):
        bump_public_version()


def _themes_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        bump_public_version()


def collection_times():
    return Collection.objects.filter(status=Status.PUBLISHED).values("published_at")


def programme_times():
    return Programme.objects.filter(status=Status.PUBLISHED).values("published_at")


def connect():
    publishes_on_schedule(collection_times)
    publishes_on_schedule(programme_times)
    for model in PUBLIC_MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"programmes-public-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"programmes-public-delete-{model.__name__}")
    m2m_changed.connect(
        _themes_changed, sender=Collection.themes.through, dispatch_uid="programmes-collection-themes"
    )
