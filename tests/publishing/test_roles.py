"""The staff roles exist as groups, created by a migration, with the right permissions."""

import pytest
from django.contrib.auth.models import Group

from library import workflow
from library.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }


def test_the_groups_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, PUBLISHERS}


def test_editors_write_but_never_publish():
    perms = codenames(EDITORS)
    assert {"library.add_resource", "library.change_resource", "casestudies.change_casestudy"} <= perms
    assert "library.publish_resource" not in perms
    assert not perms & {"library.delete_resource", "casestudies.delete_casestudy"}


def test_publishers_publish_and_keep_tags_tidy():
    perms = codenames(PUBLISHERS)
    assert {"library.publish_resource", "taggit.change_tag", "taggit.delete_tag"} <= perms
    assert codenames(EDITORS) <= perms


def test_membership_decides_who_may_publish(editor, publisher, superuser, staff):
    assert workflow.may_publish(publisher) and workflow.may_publish(superuser)
    assert not workflow.may_publish(editor) and not workflow.may_publish(staff)


def test_an_inactive_publisher_may_not_publish(publisher):
    publisher.is_active = False
    publisher.save()
    assert not workflow.may_publish(publisher)


def test_the_roles_come_back_with_their_permissions_after_the_tables_are_emptied():
    from django.core.management.sql import emit_post_migrate_signal

    before = codenames(EDITORS), codenames(PUBLISHERS)
    Group.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert (codenames(EDITORS), codenames(PUBLISHERS)) == before
