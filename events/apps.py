from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import hooks, notices, roles
        from library import extensions
        from notifications import reminders

        reminders.register(notices.release_expired_holds)
        reminders.register(notices.send_event_reminders)
        reminders.register(notices.forget_registrants)
        extensions.resource_sections.register(hooks.events_of_resource)
        extensions.account_sections.register(hooks.registrations_of_person)
        hooks.connect_signals()
        hooks.add_demo_step()
        post_migrate.connect(roles.ensure_groups, sender=self)
