"""The staff role for mentoring: *Mentoring coordinators* approve mentors, read requests and
mentorships (goals and notes included), assign mentors and see the report. Editors and
publishers get none of this by default; superusers have it all."""

COORDINATORS = "Mentoring coordinators"
PERMISSIONS = [
    "view_mentorprofile",
    "change_mentorprofile",
    "view_mentorship",
    "change_mentorship",
    "view_goal",
    "view_sessionnote",
    "view_lesson",
]


def ensure_group(sender=None, using="default", **kwargs):
    from library.roles import grant

    grant(COORDINATORS, "mentoring", PERMISSIONS, using)
