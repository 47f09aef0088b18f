"""Who may do what in mentoring: the one place these rules live (views and templates ask here).

- The directory and mentor pages: members of a partner organisation and active staff
  (anonymous: sign in first; signed in but neither: 403). Partner status comes from
  library.access, read from the database on every request.
- Offering to mentor and asking for mentoring: partner members only.
- A request or mentorship, its goals and its notes: only its two people, and staff who hold
  the `mentoring.view_mentorship` permission (editors and publishers do not, by default).
- Writing goals and notes: only the two people, while the mentorship is active.
"""

import enum

from library import access as library_access
from mentoring.models import Status

VIEW_PERMISSION = "mentoring.view_mentorship"
CHANGE_PERMISSION = "mentoring.change_mentorship"


class Decision(enum.Enum):
    ALLOW = "allow"
    SIGN_IN = "sign-in"
    FORBIDDEN = "forbidden"


def is_partner(user):
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and library_access.is_partner(user)
    )


def is_active_staff(user):
    return bool(getattr(user, "is_staff", False) and user.is_active)


def directory_decision(user):
    if not getattr(user, "is_authenticated", False):
        return Decision.SIGN_IN
    if is_active_staff(user) or is_partner(user):
        return Decision.ALLOW
    return Decision.FORBIDDEN


def may_take_part(user):
    """Offer to mentor, ask for mentoring: partner members only."""
    return is_partner(user)


def may_oversee(user):
    """Staff who may read every request and mentorship, with their goals and notes."""
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(VIEW_PERMISSION)
    )


def may_assign(user):
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(CHANGE_PERMISSION)
    )


def may_read(user, mentorship):
    return mentorship.is_party(user) or may_oversee(user)


def may_write(user, mentorship):
    return mentorship.is_party(user) and user.is_active and mentorship.status == Status.ACTIVE


def may_answer(user, mentorship):
    return mentorship.status == Status.REQUESTED and mentorship.is_mentor(user) and user.is_active


def may_withdraw(user, mentorship):
    return mentorship.status == Status.REQUESTED and mentorship.is_mentee(user)


def may_close(user, mentorship):
    return mentorship.status == Status.ACTIVE and mentorship.is_party(user)


def may_give_lesson(user, mentorship):
    return mentorship.status == Status.COMPLETED and mentorship.is_party(user)
