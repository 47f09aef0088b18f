"""Peer mentoring: mentor profiles, requests that become mentorships, their goals, notes and lessons.

A request and the mentorship it becomes are one row (`Mentorship`) moving through
requested -> active -> completed, or requested -> declined / withdrawn. A request made to the
fund ("find me a mentor") has no mentor until staff assign one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library.languages import CONTENT_LANGUAGES
from library.models import Membership

MAX_CAPACITY = 10


class ProfileStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    PAUSED = "paused", _("Paused by staff")
    REMOVED = "removed", _("Removed")


class Status(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACTIVE = "active", _("Active")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (Status.REQUESTED, Status.ACTIVE)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")
    OCCASIONALLY = "occasionally", _("Now and then")


def current_partner_ids():
    """Ids of people holding a current membership in an active partner organisation (a subquery)."""
    return Membership.objects.current().values("user_id")


class MentorProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles the directory shows: approved, and their owner still a partner and active."""
        return self.filter(
            status=ProfileStatus.APPROVED, user__is_active=True, user_id__in=current_partner_ids()
        )

    def with_room(self):
        """Annotate `active_count` (mentorships under way) and `room` (places left)."""
        return self.annotate(
            active_count=Count("mentorships", filter=Q(mentorships__status=Status.ACTIVE), distinct=True)
        ).annotate(room=models.F("capacity") - models.F("active_count"))


class MentorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentor_profile",
        verbose_name=_("person"),
    )
    display_name = models.CharField(
        _("name shown"), max_length=120, help_text=_("How mentees see you in the directory.")
    )
    biography = models.TextField(
        _("short biography"),
        max_length=4000,
        help_text=_("Who you are and what you have done, in a few paragraphs. Markdown."),
    )
    themes = models.ManyToManyField(
        "library.Theme", related_name="mentor_profiles", verbose_name=_("themes"), blank=True
    )
    tags = models.ManyToManyField(
        "taggit.Tag", related_name="mentor_profiles", verbose_name=_("tags"), blank=True
    )
    countries = models.ManyToManyField(
        "library.Country", related_name="mentor_profiles", verbose_name=_("countries"), blank=True
    )
    # the regions the mentor chose (UN M49 slugs); MentorRegion holds these, their parents and the
    # regions of their countries, for the directory's filter and counts
    regions = models.JSONField(_("regions"), default=list, blank=True)
    years_of_experience = models.PositiveSmallIntegerField(_("years of experience"), default=1)
    capacity = models.PositiveSmallIntegerField(
        _("mentees at once"), default=1, help_text=_("How many mentees you can take at the same time.")
    )
    accepting = models.BooleanField(_("taking requests now"), default=True)
    # the interface language when the profile was last saved: mail to the mentor is written in it
    language = models.CharField(_("language for e-mail"), max_length=10, default="en")
    status = models.CharField(
        _("status"), max_length=10, choices=ProfileStatus.choices, default=ProfileStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "id"]
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        indexes = [models.Index(fields=["status"], name="mentor_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=MAX_CAPACITY), name="mentor_capacity_range"
            )
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("mentoring:mentor", kwargs={"pk": self.pk})

    @property
    def language_codes(self):
        return [row.code for row in self.languages.all()]

    def active_mentorships(self):
        return self.mentorships.filter(status=Status.ACTIVE).count()

    def places_left(self):
        room = getattr(self, "room", None)
        return self.capacity - self.active_mentorships() if room is None else room

    def may_be_asked(self):
        return self.status == ProfileStatus.APPROVED and self.accepting and self.places_left() > 0

    def refresh_regions(self):
        """Rebuild the region index: the chosen regions, their parents and the regions of the countries."""
        from library.geography import REGIONS, region_chain

        slugs = set()
        for slug in self.regions or []:
            while slug in REGIONS:
                slugs.add(slug)
                slug = REGIONS[slug][1]
        for code in self.countries.values_list("code", flat=True):
            slugs.update(region_chain(code))
        self.region_index.all().delete()
        MentorRegion.objects.bulk_create(MentorRegion(profile=self, region=slug) for slug in sorted(slugs))


class MentorLanguage(models.Model):
    profile = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=8, choices=CONTENT_LANGUAGES)

    class Meta:
        ordering = ["code"]
        verbose_name = _("mentor language")
        verbose_name_plural = _("mentor languages")
        constraints = [models.UniqueConstraint(fields=["profile", "code"], name="unique_mentor_language")]

    def __str__(self):
        return self.get_code_display()


class MentorRegion(models.Model):
    """One region a mentor knows, directly or through a country (an index for the directory)."""

    profile = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="region_index")
    region = models.SlugField(_("region"), max_length=40)

    class Meta:
        verbose_name = _("mentor region")
        verbose_name_plural = _("mentor regions")
        constraints = [models.UniqueConstraint(fields=["profile", "region"], name="unique_mentor_region")]

    def __str__(self):
        return self.region

    @property
    def region_label(self):
        from library.geography import REGIONS

        return REGIONS[self.region][0] if self.region in REGIONS else self.region


class MentorshipQuerySet(models.QuerySet):
    def involving(self, user):
        """Requests and mentorships in which this person is the mentee or the mentor."""
        return self.filter(Q(mentee=user) | Q(mentor__user=user))

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def quiet_since(self, moment):
        """Active mentorships with no session note after `moment` and started before it."""
        recent_note = SessionNote.objects.filter(mentorship=OuterRef("pk"), created_at__gt=moment)
        return self.filter(status=Status.ACTIVE, started_at__lte=moment).exclude(Exists(recent_note))


class Mentorship(models.Model):
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentoring_requests",
        verbose_name=_("mentee"),
    )
    mentor = models.ForeignKey(
        MentorProfile,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentorships",
        verbose_name=_("mentor"),
        help_text=_("Empty while the fund looks for a mentor."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    goal = models.TextField(_("goal"), max_length=2000, help_text=_("What you would like to achieve."))
    theme = models.ForeignKey(
        "library.Theme", on_delete=models.PROTECT, related_name="mentorships", verbose_name=_("theme")
    )
    meeting_language = models.CharField(
        _("preferred language"), max_length=8, choices=CONTENT_LANGUAGES, default="en"
    )
    frequency = models.CharField(
        _("how often to meet"), max_length=12, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    # the mentee's interface language when asking: mail to the mentee is written in it
    mentee_language = models.CharField(_("language for e-mail"), max_length=10, default="en")
    # the mentee's region (continent) when asking, from their organisation's country, for the report
    region = models.SlugField(_("region"), max_length=40, blank=True)
    answer = models.TextField(_("mentor's answer"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    case_study = models.ForeignKey(
        "casestudies.CaseStudy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case-study draft"),
    )

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        indexes = [models.Index(fields=["status", "created_at"], name="mentorship_status_idx")]

    def __str__(self):
        mentor = self.mentor.display_name if self.mentor_id else _("a mentor to be found")
        return _("%(theme)s with %(mentor)s") % {"theme": self.theme.label, "mentor": mentor}

    def get_absolute_url(self):
        return reverse("mentoring:detail", kwargs={"pk": self.pk})

    def is_mentee(self, user):
        return user.is_authenticated and self.mentee_id == user.pk

    def is_mentor(self, user):
        return user.is_authenticated and self.mentor_id is not None and self.mentor.user_id == user.pk

    def is_party(self, user):
        return self.is_mentee(user) or self.is_mentor(user)


class Goal(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="goals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.CharField(_("goal"), max_length=300)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("agreed goal")
        verbose_name_plural = _("agreed goals")

    def __str__(self):
        return self.text


class SessionNote(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    met_on = models.DateField(_("date of the session"))
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["-met_on", "-id"]
        verbose_name = _("session note")
        verbose_name_plural = _("session notes")
        indexes = [models.Index(fields=["mentorship", "created_at"], name="note_mentorship_idx")]

    def __str__(self):
        return f"{self.met_on}: {self.text[:40]}"


class Lesson(models.Model):
    """What one party learned, given when the mentorship closes."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="lessons")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("what you learned"), max_length=4000)
    consent = models.BooleanField(
        _("may be shared"),
        default=False,
        help_text=_("The fund may turn this, without your name, into a case study in the library."),
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [models.UniqueConstraint(fields=["mentorship", "author"], name="one_lesson_per_person")]

    def __str__(self):
        return self.text[:60]
