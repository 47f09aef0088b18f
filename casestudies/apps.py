from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from casestudies.models import CASE_STUDY_FIELDS, CaseStudy, search_text
        from library import subtypes
        from library.models.resources import Kind

        subtypes.register(
            subtypes.Subtype(
                kind=Kind.CASE_STUDY,
                model=CaseStudy,
                detail_template="casestudies/casestudy_detail.html",
                fields=CASE_STUDY_FIELDS,
                search_text=search_text,
            )
        )
