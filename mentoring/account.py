"""The mentoring part of the /accounts/ page."""

from mentoring import access
from mentoring.models import MentorProfile, Mentorship


def mentoring_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    profile = MentorProfile.objects.filter(user=user).first()
    may_take_part = access.may_take_part(user)
    if not may_take_part and profile is None:
        return None
    return {
        "template": "mentoring/includes/account_section.html",
        "profile": profile,
        "may_take_part": may_take_part,
        "open_count": Mentorship.objects.involving(user).open().count(),
    }
