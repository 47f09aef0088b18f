"""A training programme: ordered modules, each with a short text, steps and an optional self-check.

A step is one thing to do: read or use a library resource (`kind` "resource"), or attend an
event of the events app (`kind` "event"). Exactly one of `resource` and `event` is set, the one
the kind names (a check constraint holds it in the database).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event
from library.models import Resource
from programmes.models.publishing import Publishable, PublishableQuerySet


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class ProgrammeQuerySet(PublishableQuerySet):
    def with_module_counts(self):
        return self.annotate(module_count=models.Count("modules", distinct=True))


class Programme(Publishable):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists.")
    )
    learning_goals = models.TextField(
        _("learning goals"), blank=True, help_text=_("What a person can do after it, in Markdown.")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.INTRODUCTORY)
    estimated_hours = models.PositiveSmallIntegerField(
        _("estimated hours"), default=1, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    partners_only = models.BooleanField(
        _("partners only"),
        default=False,
        help_text=_(
            "Only members of partner organisations (and staff) may read it and enrol, as with partner-only files."
        ),
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        permissions = [
            ("publish_programme", _("Can publish, schedule, unpublish and archive programmes")),
            ("view_programme_report", _("Can see and export enrolment reports")),
        ]
        indexes = [models.Index(fields=["status", "published_at"], name="programme_public_idx")]

    def get_absolute_url(self):
        return reverse("programmes:programme", kwargs={"slug": self.slug})


class Module(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="modules", verbose_name=_("programme")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True, help_text=_("A short introduction, in Markdown."))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The share of the self-check's questions to answer right to pass it."),
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self):
        return self.title


class StepKind(models.TextChoices):
    RESOURCE = "resource", _("Read or use a library resource")
    EVENT = "event", _("Attend an event")


class Step(models.Model):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="steps", verbose_name=_("module")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=StepKind.choices, default=StepKind.RESOURCE)
    resource = models.ForeignKey(
        Resource,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="programme_steps",
        verbose_name=_("resource"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="programme_steps",
        verbose_name=_("event"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("What to do with it."))

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        constraints = [
            # exactly one of resource and event: the one its kind names
            models.CheckConstraint(
                condition=(
                    Q(kind=StepKind.RESOURCE, resource__isnull=False, event__isnull=True)
                    | Q(kind=StepKind.EVENT, event__isnull=False, resource__isnull=True)
                ),
                name="step_has_its_kinds_target",
            ),
        ]

    def __str__(self):
        if self.resource_id:
            return str(self.resource)
        if self.event_id:
            return str(self.event)
        return self.get_kind_display()

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.kind == StepKind.RESOURCE:
            if not self.resource_id:
                raise ValidationError({"resource": _("Choose the resource of this step.")})
            if self.event_id:
                raise ValidationError({"event": _("A resource step has no event; leave it empty.")})
        elif self.kind == StepKind.EVENT:
            if not self.event_id:
                raise ValidationError({"event": _("Choose the event of this step.")})
            if self.resource_id:
                raise ValidationError({"resource": _("An event step has no resource; leave it empty.")})

    @property
    def target_title(self):
        """The title of what the step is about: its resource's or its event's."""
        target = self.event if self.kind == StepKind.EVENT else self.resource
        return target.title if target is not None else ""

    @property
    def is_event(self):
        return self.kind == StepKind.EVENT

    @property
    def is_open(self):
        """Whether the step is there for people now: its resource or event is public (a step
        whose resource was unpublished, or whose event is not public, drops out, and is not
        needed to complete the module)."""
        if self.kind == StepKind.RESOURCE:
            return self.resource is not None and self.resource.is_public
        if self.kind == StepKind.EVENT:
            return self.event is not None and self.event.is_public
        return False


class Question(models.Model):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="questions", verbose_name=_("module")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=500)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("self-check question")
        verbose_name_plural = _("self-check questions")

    def __str__(self):
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.CharField(_("answer"), max_length=300)
    correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.text
