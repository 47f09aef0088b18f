"""One click from a closed mentorship's lessons to a case-study draft in the library.

Only lessons whose authors consented are used, without their names. The result is a *draft*
CaseStudy: it enters the library's publishing workflow (library/workflow.py) like any other
draft, for editors to write up, submit and for publishers to publish. Nothing here publishes.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from casestudies.models import CaseStudy
from library.models import Resource
from library.models.resources import Status
from library.workflow import may_edit
from mentoring.models import Mentorship
from mentoring.services import StepRefused


def shareable_lessons(mentorship):
    return [lesson for lesson in mentorship.lessons.all() if lesson.consent and lesson.text.strip()]


def _free_slug(base):
    slug, number = base, 1
    while Resource.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def draft_case_study(mentorship, user):
    """The draft for this mentorship (made now, or the one made before). Needs the right to add
    library resources and to oversee mentoring."""
    from mentoring.access import may_oversee

    if not (may_edit(user) and user.has_perm("library.add_resource") and may_oversee(user)):
        raise PermissionDenied(_("You may not write case studies from mentorships."))
    with transaction.atomic():
        mentorship = (
            Mentorship.objects.select_for_update(of=("self",))
            .select_related("theme", "mentor")
            .get(pk=mentorship.pk)
        )
        if mentorship.case_study_id:
            return mentorship.case_study, False
        if mentorship.status != "completed":
            raise StepRefused(_("Only a completed mentorship can become a case study."))
        lessons = shareable_lessons(mentorship)
        if not lessons:
            raise StepRefused(_("Neither person has agreed to share what they learned."))
        with translation.override("en"):
            theme = str(mentorship.theme.label)
            title = _("Peer mentoring on %(theme)s: what we learned") % {"theme": theme.lower()}
            roles = {mentorship.mentee_id: _("The mentee"), mentorship.mentor.user_id: _("The mentor")}
            lessons_text = "\n\n".join(
                f"**{roles.get(lesson.author_id, _('A participant'))}:** {lesson.text.strip()}"
                for lesson in lessons
            )
            case_study = CaseStudy(
                title=title[:200],
                slug=_free_slug(slugify(title)[:180].strip("-") + f"-m{mentorship.pk}"),
                summary=_("Lessons from a peer mentorship of the fund's partner organisations, on %(theme)s.")
                % {"theme": theme.lower()},
                body=_("Agreed goals:")
                + "\n\n"
                + "\n".join(f"- {goal.text}" for goal in mentorship.goals.all()),
                language="en",
                status=Status.DRAFT,
                organisation="",
                approach=_("Peer mentoring (%(frequency)s) between two partner organisations.")
                % {"frequency": mentorship.get_frequency_display().lower()},
                lessons_learned=lessons_text,
                created_by=user,
                updated_by=user,
            )
            case_study.save()
        case_study.themes.set([mentorship.theme])
        mentorship.case_study = case_study
        mentorship.save(update_fields=["case_study"])
    return case_study, True
