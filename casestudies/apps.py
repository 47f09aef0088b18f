from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reversion

        from casestudies.models import CASE_STUDY_FIELDS, CaseStudy
        from library import subtypes
        from library.models.resources import Kind

        if not reversion.is_registered(CaseStudy):
            # the parent row (with its files and tags) belongs to every version of a case study
            reversion.register(CaseStudy, follow=("resource_ptr",))

        subtypes.register(
            subtypes.Subtype(
                kind=Kind.CASE_STUDY,
                model=CaseStudy,
                detail_template="casestudies/casestudy_detail.html",
                fields=CASE_STUDY_FIELDS,
            )
        )
