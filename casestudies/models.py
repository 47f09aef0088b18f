"""A case study: what a project did in a country, what worked, and what others can learn."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from library.models import Resource
from library.models.resources import Kind

# the case-study fields of the import format, in the order they are exported
CASE_STUDY_FIELDS = ("organisation", "project_code", "lessons_learned")


class CaseStudy(Resource):
    """Stored as a Resource row (so lists and search cover it) plus this table's own fields."""

    organisation = models.CharField(
        _("implementing organisation"),
        max_length=200,
        blank=True,
        help_text=_("The civil-society organisation that ran the project."),
    )
    project_code = models.CharField(
        _("project code"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("The fund's reference, for example UDF-KE-19-001."),
    )
    period_start = models.DateField(_("project start"), null=True, blank=True)
    period_end = models.DateField(_("project end"), null=True, blank=True)
    context = models.TextField(
        _("context"), blank=True, help_text=_("The situation the project answered. Markdown.")
    )
    approach = models.TextField(
        _("what was done"), blank=True, help_text=_("Activities and methods. Markdown.")
    )
    results = models.TextField(
        _("results"), blank=True, help_text=_("What changed, with evidence. Markdown.")
    )
    lessons_learned = models.TextField(
        _("lessons learned"), blank=True, help_text=_("What others doing similar work should know. Markdown.")
    )

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The project cannot end before it starts.")})

    def save(self, *args, **kwargs):
        self.kind = Kind.CASE_STUDY
        super().save(*args, **kwargs)

    @property
    def sections(self):
        """The structured sections, in reading order, that have content."""
        labelled = [
            (_("Context"), self.context),
            (_("What was done"), self.approach),
            (_("Results"), self.results),
            (_("Lessons learned"), self.lessons_learned),
        ]
        return [(label, text) for label, text in labelled if text.strip()]


def search_text(resource_ids):
    """The structured sections of these case studies, for the library's search index (weighed
    like the body)."""
    rows = CaseStudy.objects.filter(pk__in=resource_ids).values_list(
        "pk", "organisation", "context", "approach", "results", "lessons_learned"
    )
    return {pk: "\n".join(texts) for pk, *texts in rows}
