"""The download log: who took which file when, without keeping anyone's address in clear."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DownloadLog(models.Model):
    file = models.ForeignKey(
        "library.ResourceFile", on_delete=models.CASCADE, related_name="downloads", verbose_name=_("file")
    )
    # kept beside the file so statistics per resource need no join through the files
    resource = models.ForeignKey(
        "library.Resource", on_delete=models.CASCADE, related_name="downloads", verbose_name=_("resource")
    )
    time = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="downloads",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "library.PartnerOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="downloads",
        verbose_name=_("partner organisation"),
    )
    in_bundle = models.BooleanField(_("in a ZIP of all files"), default=False)
    # which version of the file went out, and the interface language the person was reading in
    # (news of a later version is written to them in that language)
    version = models.PositiveIntegerField(_("version"), default=1)
    language = models.CharField(_("language"), max_length=10, blank=True)
    # HMAC of the client address keyed with the secret key and the day: lets staff see that many
    # downloads came from one place on one day, and cannot be turned back into the address.
    client_hash = models.CharField(_("client fingerprint"), max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-time", "-id"]
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        indexes = [
            models.Index(fields=["user", "-time"], name="download_user_time_idx"),
            models.Index(fields=["resource", "time"], name="download_resource_time_idx"),
            models.Index(fields=["organisation", "time"], name="download_org_time_idx"),
        ]

    def __str__(self):
        return f"{self.file} @ {self.time:%Y-%m-%d %H:%M}"
