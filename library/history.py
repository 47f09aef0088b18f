"""Every save of a resource keeps a revision (django-reversion), whichever code saves it.

The admin and library.workflow open their own revisions, with the person and a comment; this
post_save hook covers every other save (imports, shell, management commands) so no version is lost.
"""

import reversion


def keep_revision(sender, instance, raw=False, update_fields=None, **kwargs):
    from library.models import Resource
    from library.models.counters import only_counters_saved

    if raw or not isinstance(instance, Resource) or reversion.is_active():
        return
    if only_counters_saved(instance, update_fields):
        return
    if not reversion.is_registered(type(instance)):
        return
    with reversion.create_revision():
        reversion.add_to_revision(instance)
