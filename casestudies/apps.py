from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def grant_case_study_permissions(sender=None, using="default", **kwargs):
    """Editors and publishers write case studies (kept after a database flush, like library's roles)."""
    from library import roles

    codenames = ["add_casestudy", "change_casestudy", "view_casestudy"]
    for group in (roles.EDITORS, roles.PUBLISHERS):
        roles.grant(group, "casestudies", codenames, using)


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reversion

        from casestudies.models import CASE_STUDY_FIELDS, CaseStudy, search_text
        from library import subtypes
        from library.models.resources import Kind

        post_migrate.connect(grant_case_study_permissions, dispatch_uid="casestudies-staff-roles")
        if not reversion.is_registered(CaseStudy):
            # the parent row (with its files and tags) belongs to every version of a case study
            reversion.register(CaseStudy, follow=("resource_ptr",))

        subtypes.register(
            subtypes.Subtype(
                kind=Kind.CASE_STUDY,
                model=CaseStudy,
                article_template="casestudies/casestudy_article.html",
                fields=CASE_STUDY_FIELDS,
                search_text=search_text,
            )
        )
