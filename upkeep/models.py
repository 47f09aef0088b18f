"""Keeping the library true: news of new file versions for past downloaders, and external links
checked for rot. The library knows nothing of this app; it hears of new versions through
library.file_versions.file_version_added."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ChangeNotice(models.Model):
    """The news of one new file version, sent in batches by the task worker. `cursor` is the
    highest person id already handled: a batch that is cut short rolls back whole, and the next
    one starts after the cursor, so no one is mailed twice and no one is missed."""

    version = models.OneToOneField(
        "library.FileVersion",
        on_delete=models.CASCADE,
        related_name="change_notice",
        verbose_name=_("version"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last progress"), auto_now=True)
    cursor = models.PositiveBigIntegerField(_("handled up to person id"), default=0)
    queued = models.PositiveIntegerField(_("e-mails queued"), default=0)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("change notice")
        verbose_name_plural = _("change notices")
        indexes = [models.Index(fields=["finished_at", "updated_at"], name="change_notice_pending_idx")]

    def __str__(self):
        return str(self.version)


class NoticeOptOut(models.Model):
    """A person who wants no news of changes: to one resource, or (resource empty) to any."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="change_notice_opt_outs",
        verbose_name=_("person"),
    )
    resource = models.ForeignKey(
        "library.Resource",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resource"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("opt-out from change notices")
        verbose_name_plural = _("opt-outs from change notices")
        constraints = [
            models.UniqueConstraint(fields=["user", "resource"], name="notice_opt_out_unique"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(resource__isnull=True), name="notice_opt_out_all_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.resource or _('every resource')}"


def url_hash(url):
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


class LinkQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(status__in=Link.BROKEN)


class Link(models.Model):
    """One external address found in public content, with the latest result of checking it."""

    class Status(models.TextChoices):
        UNCHECKED = "unchecked", _("Not checked yet")
        OK = "ok", _("Works")
        REDIRECTED = "redirected", _("Works, after redirects")
        BROKEN = "broken", _("Broken (error status)")
        ERROR = "error", _("Unreachable (timeout, TLS, network)")

    BROKEN = (Status.BROKEN, Status.ERROR)

    url = models.URLField(_("address"), max_length=2000)
    url_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCHECKED)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    method = models.CharField(_("answered to"), max_length=4, blank=True)
    final_url = models.URLField(_("final address"), max_length=2000, blank=True)
    # [{"url": ..., "status": 301}, ...]: each hop before the final address
    redirects = models.JSONField(_("redirects"), default=list, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    first_broken_at = models.DateTimeField(_("broken since"), null=True, blank=True)
    last_ok_at = models.DateTimeField(_("last worked"), null=True, blank=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        verbose_name = _("external link")
        verbose_name_plural = _("external links")
        indexes = [models.Index(fields=["status", "first_broken_at"], name="link_status_idx")]

    def __str__(self):
        return self.url

    def save(self, *args, **kwargs):
        self.url_hash = url_hash(self.url)
        super().save(*args, **kwargs)

    @property
    def is_broken(self):
        return self.status in self.BROKEN


class LinkUse(models.Model):
    """Where a link appears: a resource and the place in it (a field, or a file's metadata)."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="uses", verbose_name=_("link"))
    resource = models.ForeignKey(
        "library.Resource", on_delete=models.CASCADE, related_name="link_uses", verbose_name=_("resource")
    )
    place = models.CharField(_("where"), max_length=80)

    class Meta:
        ordering = ["resource__title", "place", "link__url"]
        verbose_name = _("link in a resource")
        verbose_name_plural = _("links in resources")
        constraints = [models.UniqueConstraint(fields=["link", "resource", "place"], name="link_use_unique")]

    def __str__(self):
        return f"{self.resource}: {self.link}"


class BrokenLinkManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(link__status__in=Link.BROKEN)


class BrokenLink(LinkUse):
    """The admin's "Broken links by resource": link uses whose link is broken."""

    objects = BrokenLinkManager()

    class Meta:
        proxy = True
        ordering = ["resource__title", "place"]
        verbose_name = _("broken link")
        verbose_name_plural = _("broken links by resource")


class LinkCheckRun(models.Model):
    """One run of check_links. `lock` is set while it runs: a second run (cron and the worker at
    once) cannot start beside it; a run that died is taken over after an hour."""

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    lock = models.CharField(max_length=8, null=True, blank=True, unique=True, editable=False)
    checked = models.PositiveIntegerField(_("links checked"), default=0)
    broken = models.PositiveIntegerField(_("broken"), default=0)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("link check run")
        verbose_name_plural = _("link check runs")

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"
