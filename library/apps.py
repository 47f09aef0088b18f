from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from library import signals

        signals.connect()
