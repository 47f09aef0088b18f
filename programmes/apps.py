from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Collections and programmes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reversion
        from django.db.models.signals import post_migrate

        from library import extensions, history
        from library.demo import steps
        from programmes import demo, roles, sections, signals
        from programmes.models import Choice, Collection, CollectionItem, Module, Programme, Question, Step

        # a saved version keeps its parts, for history and restore
        for model, follow in (
            (CollectionItem, ()),
            (Collection, ("items",)),
            (Step, ()),
            (Choice, ()),
            (Question, ("choices",)),
            (Module, ("steps", "questions")),
            (Programme, ("modules",)),
        ):
            if not reversion.is_registered(model):
                reversion.register(model, follow=follow)
        history.keep_revisions_of(Collection)
        history.keep_revisions_of(Programme)
        signals.connect()
        extensions.resource_sections.register(sections.part_of)
        extensions.theme_sections.register(sections.theme_collections)
        extensions.account_sections.register(sections.account_progress)
        steps.register(demo.seed_collections_and_programmes)
        post_migrate.connect(roles.ensure_groups, dispatch_uid="programmes-staff-roles")
