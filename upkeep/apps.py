from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UpkeepConfig(AppConfig):
    name = "upkeep"
    verbose_name = _("Upkeep: change notices and links")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from library import extensions
        from library.file_versions import file_version_added
        from notifications import reminders
        from upkeep import notices, sections

        file_version_added.connect(notices.version_added, dispatch_uid="upkeep-change-notice")
        reminders.register(notices.resume_stalled)
        extensions.account_sections.register(sections.account_notices)
        extensions.admin_resource_sections.register(sections.admin_resource_links)
