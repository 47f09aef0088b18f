"""Tag hygiene: merging tags that mean the same thing."""

from django.db import transaction
from taggit.models import TaggedItem

from library import search
from library.models import TaggedResource


def merge_tags(sources, into):
    """Move every resource tagged with one of `sources` to the tag `into`, then delete the sources.

    Returns the number of resources whose tags changed."""
    touched = set()
    with transaction.atomic():
        for source in sources:
            if source.pk == into.pk:
                continue
            for item in TaggedResource.objects.filter(tag=source).select_for_update():
                touched.add(item.content_object_id)
                if TaggedResource.objects.filter(content_object_id=item.content_object_id, tag=into).exists():
                    item.delete()
                else:
                    item.tag = into
                    item.save(update_fields=["tag"])
            # tags that other apps attach through taggit's generic table follow too
            for item in TaggedItem.objects.filter(tag=source):
                duplicate = TaggedItem.objects.filter(
                    tag=into, content_type_id=item.content_type_id, object_id=item.object_id
                ).exists()
                if duplicate:
                    item.delete()
                else:
                    item.tag = into
                    item.save(update_fields=["tag"])
            source.delete()
    search.refresh_index(sorted(touched))
    return len(touched)
