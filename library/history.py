"""Every save of a resource keeps a revision (django-reversion), whichever code saves it.

The admin and library.workflow open their own revisions, with the person and a comment; this
post_save hook covers every other save (imports, shell, management commands) so no version is lost.
Other publishable models built on the library (curated collections, programmes) ask for the same
with `keep_revisions_of(Model)` in their AppConfig.ready().
"""

import reversion

_KEPT = set()


def keep_revisions_of(model):
    """Every save of this (reversion-registered) model keeps a revision."""
    _KEPT.add(model)


def keep_revision(sender, instance, raw=False, update_fields=None, **kwargs):
    from library.models import Resource
    from library.models.counters import only_counters_saved

    if raw or not isinstance(instance, (Resource, *_KEPT)) or reversion.is_active():
        return
    if only_counters_saved(instance, update_fields):
        return
    if not reversion.is_registered(type(instance)):
        return
    with reversion.create_revision():
        reversion.add_to_revision(instance)
