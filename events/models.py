"""Workshops and forums: events people register for, and whose lessons become library resources.

`Event.objects.public()` is the one gate of every public page, feed, calendar, sitemap and the
API: events whose status is published *or cancelled* and whose publication time has come. A
cancelled event stays public so its page (and the calendars that hold it) say it is cancelled
instead of vanishing; lists of what one can attend use `.public().active()`.
"""

import secrets
from datetime import timedelta
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from library.languages import LANGUAGE_NAMES
from library.models.files import Access
from library.models.publishing import PublishingStateMixin
from library.url_prefixes import path_with_slug

RESERVED_SLUGS = {"past", "calendar", "feed", "registration"}


class Format(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


PUBLIC_STATUSES = (Status.PUBLISHED, Status.CANCELLED)


def validate_time_zone(value):
    if value not in available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Africa/Nairobi."), params={"value": value}
        )


def validate_languages(value):
    if not isinstance(value, list) or any(code not in LANGUAGE_NAMES for code in value):
        raise ValidationError(_("Choose languages from the list."))


class HttpsURLField(models.URLField):
    """A meeting link typed without a scheme is taken as https://."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class EventQuerySet(models.QuerySet):
    def public(self):
        """Published or cancelled events whose publication time has come: every event page the
        public may open (a cancelled one shows as cancelled)."""
        return self.filter(status__in=PUBLIC_STATUSES, published_at__lte=timezone.now())

    def active(self):
        """Not cancelled."""
        return self.exclude(status=Status.CANCELLED)

    def upcoming(self, now=None):
        """Not over yet (an event under way is still upcoming), soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "id")

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-id")


class Event(PublishingStateMixin, models.Model):
    public_statuses = PUBLIC_STATUSES

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists."))
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("The programme, in Markdown."))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("When the event's page goes public. A time in the future schedules it."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_(
            "Where the event takes place (for an online event: its organisers'), e.g. Africa/Nairobi."
        ),
    )
    venue = models.CharField(_("venue and address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        "library.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("country"),
    )
    joining_url = HttpsURLField(
        _("joining link"),
        blank=True,
        help_text=_("The online meeting's address. Shown only to confirmed participants."),
    )
    joining_details = models.TextField(
        _("joining details"),
        blank=True,
        help_text=_("Passcodes or directions. Shown only to confirmed participants."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True, validators=[validate_languages])
    interpretation_languages = models.JSONField(
        _("interpretation into"), default=list, blank=True, validators=[validate_languages]
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, captions, sign language, quiet room..."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the event starts."),
    )
    access = models.CharField(
        _("who may register"),
        max_length=20,
        choices=Access.choices,
        default=Access.PUBLIC,
        help_text=_("Partners only: members of partner organisations (and staff) may register."),
    )
    themes = models.ManyToManyField(
        "library.Theme", related_name="events", verbose_name=_("themes"), blank=True
    )
    materials = models.TextField(
        _("materials"), blank=True, help_text=_("Slides, notes and recordings after the event, in Markdown.")
    )
    outcomes = models.ManyToManyField(
        "library.Resource",
        related_name="source_events",
        verbose_name=_("resources that came out of it"),
        blank=True,
        help_text=_("Case studies, guides or toolkits written from what was learnt (“What we learned”)."),
    )
    cancellation_note = models.TextField(_("why it was cancelled"), blank=True)
    # raised on every change of time or place, so calendars replace their copy (RFC 5545 SEQUENCE)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [
            ("publish_event", _("Can publish, schedule, unpublish and cancel events")),
            ("message_registrants", _("Can write to every registrant of an event")),
        ]
        indexes = [
            models.Index(fields=["status", "published_at", "ends_at"], name="event_public_idx"),
            models.Index(fields=["starts_at"], name="event_starts_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return path_with_slug("events:detail", self.slug)

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is taken by the events pages; choose another slug.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The end comes before the start.")
        if self.format in (Format.IN_PERSON, Format.HYBRID) and not (self.city and self.country_id):
            errors["city"] = _("An event in a place needs its city and country.")
        if self.registration_closes_at and self.starts_at and self.registration_closes_at > self.starts_at:
            errors["registration_closes_at"] = _("Registration closes at the latest when the event starts.")
        if errors:
            raise ValidationError(errors)

    # --- time -------------------------------------------------------------------------------
    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def utc_offset(self):
        """ "UTC+03:00" at the start (daylight saving included)."""
        return offset_label(self.local_starts_at)

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    # --- state ------------------------------------------------------------------------------
    @property
    def is_cancelled(self):
        return self.status == Status.CANCELLED

    @property
    def is_past(self):
        return self.ends_at <= timezone.now()

    @property
    def is_online(self):
        return self.format == Format.ONLINE

    @property
    def partners_only(self):
        return self.access == Access.PARTNERS

    def registration_open(self, now=None):
        now = now or timezone.now()
        return self.status == Status.PUBLISHED and self.is_public and now < self.closes_at

    @property
    def all_languages(self):
        return [
            *self.languages,
            *(code for code in self.interpretation_languages if code not in self.languages),
        ]

    @property
    def theme_labels(self):
        """The themes' names in the reader's language (a list page sets them from its index)."""
        if getattr(self, "_theme_labels", None) is None:
            self._theme_labels = [theme.label for theme in self.themes.all()]
        return self._theme_labels

    @theme_labels.setter
    def theme_labels(self, labels):
        self._theme_labels = labels

    @property
    def language_names(self):
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @property
    def interpretation_names(self):
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.interpretation_languages]

    @property
    def place_label(self):
        if self.is_online:
            return _("Online")
        country = self.country.name if self.country_id else ""
        return ", ".join(part for part in (self.city, country) if part)

    def places_taken(self, now=None):
        return Registration.objects.filter(event=self).holding_place(now).count()

    def places_left(self, now=None):
        """None for no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.places_taken(now), 0)


def offset_label(moment):
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


class Speaker(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        FACILITATOR = "facilitator", _("Facilitator")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    affiliation = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("speaker or facilitator")
        verbose_name_plural = _("speakers and facilitators")

    def __str__(self):
        return self.name


class EventStatusChange(models.Model):
    """One move of an event's workflow: who, when, from and to."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="status_changes")
    transition = models.CharField(_("move"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("event status change")
        verbose_name_plural = _("event status changes")

    def __str__(self):
        return f"{self.event}: {self.from_status} → {self.to_status}"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Not confirmed in time")


ACTIVE_REGISTRATION = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


def new_token():
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_REGISTRATION)

    def holding_place(self, now=None):
        """Confirmed, or holding a place while the e-mail confirmation is awaited."""
        now = now or timezone.now()
        return self.filter(
            Q(status=RegistrationStatus.CONFIRMED)
            | Q(status=RegistrationStatus.PENDING, hold_expires_at__gt=now)
        )

    def waiting_in_order(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "id")


class Registration(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(
        _("language for e-mail"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    needs = models.TextField(_("accessibility or interpretation needs"), blank=True)
    consented_at = models.DateTimeField(_("agreed to the privacy notice"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    email_verified = models.BooleanField(_("e-mail confirmed"), default=False)
    hold_expires_at = models.DateTimeField(_("place held until"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    # part of every signed link: a link made for one registration opens no other
    token = models.CharField(max_length=64, default=new_token, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("given a place from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("export_registration", _("Can export registrations as CSV"))]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_REGISTRATION),
                name="one_active_registration_per_email",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="registration_event_status_idx"),
            models.Index(fields=["status", "hold_expires_at"], name="registration_hold_idx"),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}" if self.name else str(_("(personal data deleted)"))

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def holds_place(self):
        return self.status == RegistrationStatus.CONFIRMED or (
            self.status == RegistrationStatus.PENDING
            and self.hold_expires_at is not None
            and self.hold_expires_at > timezone.now()
        )

    @property
    def is_active(self):
        return self.status in ACTIVE_REGISTRATION

    def waiting_position(self):
        if self.status != RegistrationStatus.WAITING:
            return None
        earlier = Registration.objects.filter(
            event_id=self.event_id, status=RegistrationStatus.WAITING
        ).filter(Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, id__lt=self.id))
        return earlier.count() + 1


class EventMessage(models.Model):
    """A message staff sent to every registrant of an event (each copy goes through the outbox)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="messages", verbose_name=_("event")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")

    def __str__(self):
        return self.subject
