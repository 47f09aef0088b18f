"""Suggested mentors for a request made to the fund, ranked by fit, each with its reasons.

    score = 3 if the mentor offers the request's theme
          + 1 for each of the mentor's tags named in the goal (at most 3)
          + 2 if the mentor mentors in the preferred language
          + 2 if the mentor knows the mentee's region
          + 1 for each place left (at most 2)
Mentors with no room, not taking requests, or who are the mentee are left out.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from library.geography import REGIONS
from library.languages import LANGUAGE_NAMES
from mentoring.models import MentorProfile

THEME_POINTS, TAG_POINTS, TAG_MAX, LANGUAGE_POINTS, REGION_POINTS, ROOM_MAX = 3, 1, 3, 2, 2, 2


@dataclass
class Suggestion:
    mentor: MentorProfile
    score: int = 0
    reasons: list = field(default_factory=list)


def candidates(mentorship):
    from taggit.models import Tag

    return (
        MentorProfile.objects.listed()
        .with_room()
        .filter(accepting=True, room__gt=0)
        .exclude(user_id=mentorship.mentee_id)
        .prefetch_related(
            "themes", "languages", "region_index", Prefetch("tags", queryset=Tag.objects.only("name"))
        )
    )


def score(mentorship, mentor):
    suggestion = Suggestion(mentor)

    def add(points, reason):
        suggestion.score += points
        suggestion.reasons.append(f"+{points} {reason}")

    if any(theme.pk == mentorship.theme_id for theme in mentor.themes.all()):
        add(THEME_POINTS, _("offers the theme “%(theme)s”") % {"theme": mentorship.theme.label})
    goal = mentorship.goal.lower()
    shared = [tag.name for tag in mentor.tags.all() if tag.name.lower() in goal][:TAG_MAX]
    for name in shared:
        add(TAG_POINTS, _("the goal mentions “%(tag)s”") % {"tag": name})
    if mentorship.meeting_language in {row.code for row in mentor.languages.all()}:
        language = LANGUAGE_NAMES.get(mentorship.meeting_language, mentorship.meeting_language)
        add(LANGUAGE_POINTS, _("mentors in %(language)s") % {"language": language})
    if mentorship.region and mentorship.region in {row.region for row in mentor.region_index.all()}:
        add(REGION_POINTS, _("knows %(region)s") % {"region": REGIONS[mentorship.region][0]})
    room = min(mentor.room, ROOM_MAX)
    add(room, ngettext("%(count)d place left", "%(count)d places left", mentor.room) % {"count": mentor.room})
    return suggestion


def suggestions(mentorship, limit=20):
    ranked = [score(mentorship, mentor) for mentor in candidates(mentorship)]
    ranked.sort(key=lambda s: (-s.score, s.mentor.display_name, s.mentor.pk))
    return ranked[:limit]
