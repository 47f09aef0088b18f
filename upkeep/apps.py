from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UpkeepConfig(AppConfig):
    name = "upkeep"
    verbose_name = _("Upkeep: change notices and links")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from library import extensions
        from library.file_versions import file_version_added
        from notifications import reminders
        from upkeep import notices, sections

        file_version_added.connect(notices.version_added, dispatch_uid="upkeep-change-notice")
        reminders.register(notices.resume_stalled)
        extensions.account_sections.register(sections.account_notices)
        extensions.admin_resource_sections.register(sections.admin_resource_links)
        post_migrate.connect(grant_staff_roles, dispatch_uid="upkeep-staff-roles")


# what the library's staff roles see of upkeep: the links and how the news of versions went
# (not who opted out: that is personal data, for those given the permission by hand)
ROLE_PERMISSIONS = ["view_link", "view_linkuse", "view_brokenlink", "view_linkcheckrun", "view_changenotice"]


def grant_staff_roles(sender=None, using="default", **kwargs):
    from library.roles import EDITORS, PUBLISHERS, grant

    for group in (EDITORS, PUBLISHERS):
        grant(group, "upkeep", ROLE_PERMISSIONS, using)
