"""Keep the index in step with every change made through the models: a resource saved (created,
edited, published, unpublished, archived), deleted, re-tagged; a file uploaded, changed or
removed. Bulk writers that skip signals call `refresh_index` themselves."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from library.search import refresh_index


def resource_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    from library.models import Resource
    from library.models.counters import only_counters_saved

    if not raw and isinstance(instance, Resource) and not only_counters_saved(instance, update_fields):
        refresh_index([instance.pk])


def file_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.resource_id:
        refresh_index([instance.resource_id])


def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from library.models import Resource

    if isinstance(instance, Resource):
        refresh_index([instance.pk])
    elif pk_set:  # a tag's resources changed from the tag's side
        refresh_index(list(pk_set))


def connect():
    from library.models import ResourceFile, TaggedResource

    # no sender: a case study's save sends post_save for CaseStudy, not Resource
    post_save.connect(resource_changed, dispatch_uid="search-resource-saved")
    post_delete.connect(resource_changed, dispatch_uid="search-resource-deleted")
    post_save.connect(file_changed, sender=ResourceFile, dispatch_uid="search-file-saved")
    post_delete.connect(file_changed, sender=ResourceFile, dispatch_uid="search-file-deleted")
    # django-taggit announces add/remove/clear/set of tags as m2m_changed on the through model
    m2m_changed.connect(tags_changed, sender=TaggedResource, dispatch_uid="search-tags-changed")
