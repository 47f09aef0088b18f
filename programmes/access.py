"""Who may read and take a programme: everyone, or for a "partners only" programme the same
people as partner-only files (library.access): staff and members of an active partner
organisation. Anonymous readers are sent to sign in, others answered 403."""

from library import access
from library.access import Decision


def decide(user, programme):
    if not programme.partners_only or access.may_have_partner_files(user):
        return Decision.ALLOW
    if not getattr(user, "is_authenticated", False):
        return Decision.SIGN_IN
    return Decision.FORBIDDEN
