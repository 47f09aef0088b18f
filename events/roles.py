"""Who may do what with events: the library's Editors and Publishers (library.roles) write and
publish events as they do resources; registrants' personal data is for a role of its own.

| group | events |
| --- | --- |
| Editors | write event drafts, speakers, submit for review |
| Publishers | also publish, schedule, unpublish, cancel |
| Event organisers | see registrations (personal data), export them, mark attendance, write to registrants |

The groups get these permissions after every migrate (post_migrate), as the library's do.
"""

from library import roles

ORGANISERS = "Event organisers"

EDITOR_PERMISSIONS = [
    "add_event",
    "change_event",
    "view_event",
    "add_speaker",
    "change_speaker",
    "delete_speaker",
    "view_speaker",
    "view_eventstatuschange",
]
PUBLISHER_ONLY_PERMISSIONS = ["publish_event"]
ORGANISER_PERMISSIONS = [
    "view_event",
    "view_registration",
    "change_registration",
    "export_registration",
    "message_registrants",
    "add_eventmessage",
    "view_eventmessage",
]


def ensure_groups(sender=None, using="default", **kwargs):
    # this app's post_migrate may run before auth's, which creates the permissions: make them now
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    create_permissions(apps.get_app_config("events"), verbosity=0, using=using)
    roles.grant(roles.EDITORS, "events", EDITOR_PERMISSIONS, using)
    roles.grant(roles.PUBLISHERS, "events", EDITOR_PERMISSIONS + PUBLISHER_ONLY_PERMISSIONS, using)
    roles.grant(ORGANISERS, "events", ORGANISER_PERMISSIONS, using)
