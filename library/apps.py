from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reversion
        from django.db.models.signals import post_migrate, post_save

        from library.history import keep_revision
        from library.models import Resource, ResourceFile, TaggedResource
        from library.roles import ensure_groups

        # every saved version of a resource keeps its files and tags with it (history and restore)
        for model in (ResourceFile, TaggedResource):
            if not reversion.is_registered(model):
                reversion.register(model)
        if not reversion.is_registered(Resource):
            reversion.register(Resource, follow=("files", "tagged_items"))
        post_save.connect(keep_revision, dispatch_uid="library-keep-revision")
        # after every app's permissions exist (each app's post_migrate), the roles hold theirs
        post_migrate.connect(ensure_groups, dispatch_uid="library-staff-roles")

        from library.search import signals

        # the search index follows every change (library/search/signals.py)
        signals.connect()

        from library import signals as public_cache_signals

        # a public change bumps the version every cached public page is keyed by
        public_cache_signals.connect()
