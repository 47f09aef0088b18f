"""A person's enrolment in a programme and what they have done in it; the certificate at the end."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from programmes.models.programmes import Module, Programme, Step

# no 0/O, 1/I/L: a code read aloud or typed from paper comes out right
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def new_certificate_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("person"),
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("programme")
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_at", "-id"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "programme"], name="enrolment_once")]

    def __str__(self):
        return f"{self.user} – {self.programme}"


class StepDone(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="steps_done")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="+")
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("step done")
        verbose_name_plural = _("steps done")
        constraints = [models.UniqueConstraint(fields=["enrolment", "step"], name="step_done_once")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.step_id}"


class CheckAttempt(models.Model):
    """One submitted self-check, marked on the server."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="+")
    correct = models.PositiveSmallIntegerField(_("right answers"))
    total = models.PositiveSmallIntegerField(_("questions"))
    passed = models.BooleanField(_("passed"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("self-check attempt")
        verbose_name_plural = _("self-check attempts")
        indexes = [models.Index(fields=["enrolment", "module", "passed"], name="attempt_passed_idx")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.module_id} {self.correct}/{self.total}"


class ModuleCompletion(models.Model):
    """Written once, when every open step of the module is done and its self-check passed; the
    staff report counts these."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="module_completions")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("module completed")
        verbose_name_plural = _("modules completed")
        constraints = [models.UniqueConstraint(fields=["enrolment", "module"], name="module_completion_once")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.module_id}"


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="certificate", verbose_name=_("enrolment")
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True, default=new_certificate_code)
    holder_name = models.CharField(_("holder"), max_length=300)
    programme_title = models.CharField(_("programme"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("programmes:certificate", kwargs={"code": self.code})

    @property
    def is_valid(self):
        return self.revoked_at is None
