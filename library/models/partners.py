"""Partner organisations and the people who belong to them.

A person is a partner while at least one of their memberships is current (started, not ended)
in an organisation that is active. Ending a membership or deactivating an organisation closes
partner-only files to its members at once: the access helper asks the database every request.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartnerOrganisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.ForeignKey(
        "library.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_organisations",
        verbose_name=_("country"),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to close partner-only files to every member of this organisation at once."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def current(self, at=None):
        """Memberships that give partner access now: started, not ended, in an active organisation."""
        at = at or timezone.now()
        return self.filter(
            Q(ended__isnull=True) | Q(ended__gt=at), started__lte=at, organisation__active=True
        )


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    started = models.DateTimeField(_("started"), default=timezone.now)
    ended = models.DateTimeField(
        _("ended"),
        null=True,
        blank=True,
        help_text=_("Set to end the membership: partner-only files close to this person from that moment."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-started", "-id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["user", "ended"], name="membership_user_ended_idx")]

    def __str__(self):
        return f"{self.user} – {self.organisation}"

    def clean(self):
        super().clean()
        if self.ended and self.started and self.ended < self.started:
            raise ValidationError({"ended": _("A membership cannot end before it started.")})

    @property
    def is_current(self):
        now = timezone.now()
        return self.organisation.active and self.started <= now and (self.ended is None or self.ended > now)
