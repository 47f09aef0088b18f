"""The staff roles as groups (names in library/roles.py): editors write and submit, publishers publish.

Permissions are created here rather than left to post_migrate, so the groups can be given them in
the same run; seed_demo and the staff then only add people to the groups.
"""

from django.db import migrations

EDITORS = "Editors"
PUBLISHERS = "Publishers"

EDITOR_PERMISSIONS = [
    ("library", "add_resource"), ("library", "change_resource"), ("library", "view_resource"),
    ("library", "add_resourcefile"), ("library", "change_resourcefile"), ("library", "delete_resourcefile"),
    ("library", "view_resourcefile"), ("library", "view_theme"), ("library", "view_country"),
    ("library", "view_statuschange"), ("taggit", "add_tag"), ("taggit", "view_tag"),
]
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + [
    ("library", "publish_resource"), ("taggit", "change_tag"), ("taggit", "delete_tag"),
]


def create_permissions_now(apps):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name, pairs):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    for app_label, codename in pairs:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def create_groups(apps, schema_editor):
    create_permissions_now(apps)
    grant(apps, EDITORS, EDITOR_PERMISSIONS)
    grant(apps, PUBLISHERS, PUBLISHER_PERMISSIONS)


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("library", "0004_workflow_authors_and_status_log"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
