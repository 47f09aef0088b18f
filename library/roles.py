"""The staff roles: group names and their permissions.

The groups are created with their permissions by migration (library 0005, casestudies 0002); the
post_migrate hook below puts them back whenever the tables are emptied and migrated again (a
database flush, as between transactional tests), so a role always means the same permissions.
"""

EDITORS = "Editors"
PUBLISHERS = "Publishers"

EDITOR_PERMISSIONS = {
    "library": [
        "add_resource",
        "change_resource",
        "view_resource",
        "add_resourcefile",
        "change_resourcefile",
        "delete_resourcefile",
        "view_resourcefile",
        "view_fileversion",
        "view_theme",
        "view_country",
        "view_statuschange",
    ],
    "taggit": ["add_tag", "view_tag"],
}
PUBLISHER_ONLY_PERMISSIONS = {
    "library": ["publish_resource"],
    "taggit": ["change_tag", "delete_tag"],
}


def grant(group_name, app_label, codenames, using="default"):
    """Give a group these permissions of one app, as far as they exist yet; create the group."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.using(using).get_or_create(name=group_name)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    group.permissions.add(*permissions)


def ensure_groups(sender=None, using="default", **kwargs):
    """post_migrate: the library's roles exist with their permissions."""
    for app_label, codenames in EDITOR_PERMISSIONS.items():
        grant(EDITORS, app_label, codenames, using)
        grant(PUBLISHERS, app_label, codenames, using)
    for app_label, codenames in PUBLISHER_ONLY_PERMISSIONS.items():
        grant(PUBLISHERS, app_label, codenames, using)
