"""Editors and publishers write case studies too (the groups come from library's migration)."""

from django.db import migrations

CASE_STUDY_PERMISSIONS = ["add_casestudy", "change_casestudy", "view_casestudy"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("casestudies")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="casestudies", codename__in=CASE_STUDY_PERMISSIONS)
    for name in ("Editors", "Publishers"):
        Group.objects.get(name=name).permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ("casestudies", "0001_initial"),
        ("library", "0005_staff_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
