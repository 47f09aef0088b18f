from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Peer mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from library import extensions
        from library.demo import steps
        from library.models import Membership
        from mentoring import account, demo, roles, signals
        from mentoring.reminders import mentoring_notices
        from notifications import reminders

        extensions.account_sections.register(account.mentoring_section)
        reminders.register(mentoring_notices)
        post_save.connect(signals.membership_saved, sender=Membership, dispatch_uid="mentoring-membership")
        # after every app's post_migrate (auth's makes the permissions), as library.roles does
        post_migrate.connect(roles.ensure_group, dispatch_uid="mentoring-roles")
        # the demo gains mentors without the library knowing this app
        steps.register(demo.seed_mentoring)
