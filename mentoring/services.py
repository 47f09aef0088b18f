"""Every change of a mentor profile or a mentorship, with the mail it sends. Views and the admin
call these; each runs in one transaction, so a refused step changes nothing and sends nothing."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library import access as library_access
from library.geography import REGION_OF_COUNTRY, top_region
from mentoring import mail
from mentoring.models import Lesson, MentorProfile, Mentorship, ProfileStatus, Status


class StepRefused(Exception):
    """A step that the state of things does not allow; its message is shown to the person (409)."""


def mentee_region(user):
    for organisation in library_access.partner_organisations(user):
        if organisation.country_id and organisation.country_id in REGION_OF_COUNTRY:
            return top_region(REGION_OF_COUNTRY[organisation.country_id])
    return ""


# --- mentor profiles ---------------------------------------------------------------------


def review_profile(profile, status, staff):
    """Approve, pause or remove a profile (staff). Approval mails the mentor once."""
    with transaction.atomic():
        profile.status = status
        profile.reviewed_by = staff
        profile.reviewed_at = timezone.now()
        profile.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
        if status == ProfileStatus.APPROVED:
            mail.to_profile_owner(
                profile, "approved", f"mentoring-approved:{profile.pk}:{profile.reviewed_at.isoformat()}"
            )
    return profile


# --- requests and mentorships ------------------------------------------------------------


def ask(*, mentee, mentor, goal, theme, meeting_language, frequency, language):
    """A request to one mentor, or to the fund when `mentor` is None."""
    with transaction.atomic():
        if mentor is not None:
            mentor = MentorProfile.objects.select_for_update().listed().filter(pk=mentor.pk).first()
            if mentor is None:
                raise StepRefused(_("This mentor is not listed any more."))
            if mentor.user_id == mentee.pk:
                raise StepRefused(_("You cannot ask yourself for mentoring."))
            if not mentor.may_be_asked():
                raise StepRefused(_("This mentor has no room for another mentee at the moment."))
            if Mentorship.objects.open().filter(mentee=mentee, mentor=mentor).exists():
                raise StepRefused(_("You already have an open request or mentorship with this mentor."))
        mentorship = Mentorship.objects.create(
            mentee=mentee,
            mentor=mentor,
            goal=goal,
            theme=theme,
            meeting_language=meeting_language,
            frequency=frequency,
            mentee_language=language,
            region=mentee_region(mentee),
        )
        if mentor is not None:
            mail.to_mentor(mentorship, "asked", f"mentoring-asked:{mentorship.pk}:{mentor.pk}")
    return mentorship


def assign(mentorship, mentor, staff):
    """Staff choose the mentor for a request made to the fund; the mentor is asked."""
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
        mentor = MentorProfile.objects.select_for_update().listed().filter(pk=mentor.pk).first()
        if mentorship.status != Status.REQUESTED or mentorship.mentor_id is not None:
            raise StepRefused(_("This request already has a mentor or is no longer open."))
        if mentor is None or not mentor.may_be_asked():
            raise StepRefused(_("This mentor cannot take a mentee now."))
        if mentor.user_id == mentorship.mentee_id:
            raise StepRefused(_("A person cannot mentor themselves."))
        mentorship.mentor = mentor
        mentorship.save(update_fields=["mentor"])
        mail.to_mentor(mentorship, "asked", f"mentoring-asked:{mentorship.pk}:{mentor.pk}", assigned=True)
        mail.to_mentee(mentorship, "assigned", f"mentoring-assigned:{mentorship.pk}:{mentor.pk}")
    return mentorship


def answer(mentorship, *, accept, message, user):
    with transaction.atomic():
        mentorship = (
            Mentorship.objects.select_for_update(of=("self",))  # the mentor is an outer join
            .select_related("mentor", "mentee", "theme")
            .get(pk=mentorship.pk)
        )
        if mentorship.status != Status.REQUESTED or not mentorship.is_mentor(user):
            raise StepRefused(_("This request has already been answered or withdrawn."))
        now = timezone.now()
        if accept:
            mentor = MentorProfile.objects.select_for_update().get(pk=mentorship.mentor_id)
            if mentor.active_mentorships() >= mentor.capacity:
                raise StepRefused(
                    _(
                        "You already mentor as many people as your profile allows. Raise the number or decline."
                    )
                )
            mentorship.status = Status.ACTIVE
            mentorship.started_at = now
        else:
            mentorship.status = Status.DECLINED
            mentorship.closed_at = now
        mentorship.answer = message
        mentorship.answered_at = now
        mentorship.save()
        mail.to_mentee(mentorship, "answered", f"mentoring-answered:{mentorship.pk}")
    return mentorship


def withdraw(mentorship, user, *, reason=""):
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
        if mentorship.status != Status.REQUESTED:
            raise StepRefused(_("Only a request that is still waiting for an answer can be withdrawn."))
        mentorship.status = Status.WITHDRAWN
        mentorship.closed_at = timezone.now()
        mentorship.closed_by = user
        mentorship.save(update_fields=["status", "closed_at", "closed_by"])
        if mentorship.mentor_id:
            mail.to_mentor(mentorship, "withdrawn", f"mentoring-withdrawn:{mentorship.pk}", reason=reason)
    return mentorship


def close(mentorship, user):
    """Either party ends an active mentorship; both are asked what they learned."""
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
        if mentorship.status != Status.ACTIVE:
            raise StepRefused(_("Only an active mentorship can be closed."))
        mentorship.status = Status.COMPLETED
        mentorship.closed_at = timezone.now()
        mentorship.closed_by = user
        mentorship.save(update_fields=["status", "closed_at", "closed_by"])
        mail.to_mentor(mentorship, "closed", f"mentoring-closed:{mentorship.pk}:mentor")
        mail.to_mentee(mentorship, "closed", f"mentoring-closed:{mentorship.pk}:mentee")
    return mentorship


def give_lesson(mentorship, user, *, text, consent):
    lesson, _created = Lesson.objects.update_or_create(
        mentorship=mentorship, author=user, defaults={"text": text, "consent": consent}
    )
    return lesson


def close_for_former_partners(now=None):
    """Requests of people who are no longer partners are closed: a mentee's are withdrawn, those
    waiting for a mentor who left are declined. Returns how many were closed."""
    from mentoring.models import current_partner_ids

    now = now or timezone.now()
    waiting = Mentorship.objects.filter(status=Status.REQUESTED)
    withdrawn = waiting.exclude(mentee_id__in=current_partner_ids()).update(
        status=Status.WITHDRAWN, closed_at=now
    )
    declined = (
        waiting.filter(mentor__isnull=False)
        .exclude(mentor__user_id__in=current_partner_ids())
        .update(status=Status.DECLINED, closed_at=now, answered_at=now)
    )
    return withdrawn + declined
