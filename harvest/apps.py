from django.apps import AppConfig


class HarvestConfig(AppConfig):
    name = "harvest"
    verbose_name = "Harvesting (OAI-PMH)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from harvest import withdrawals

        withdrawals.connect()
