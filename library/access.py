"""Who may have which file: the one access helper every path that serves files goes through.

The download view, the ZIP bundle, the account page and the file list on a resource page all
ask these functions, so a rule changes in one place (search shows the text of partner-only
files to no one, so it needs none). Partner status is read from the database on every request;
nothing is cached across requests, so an ended membership or a deactivated organisation closes
partner files at once.
"""

import enum

from library.models import Membership, PartnerOrganisation, Resource, ResourceFile
from library.models.files import Access

_CACHE_ATTRIBUTE = "_library_partner_organisations"


class Decision(enum.Enum):
    ALLOW = "allow"
    SIGN_IN = "sign-in"  # anonymous asking for a partner-only file
    FORBIDDEN = "forbidden"  # signed in, but not a partner
    NOT_FOUND = "not-found"  # no such file, or its resource is not public


def partner_organisations(user):
    """The active organisations in which this person holds a current membership (cached per request)."""
    if not getattr(user, "is_authenticated", False):
        return PartnerOrganisation.objects.none()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        memberships = Membership.objects.current().filter(user=user)
        cached = list(
            PartnerOrganisation.objects.filter(memberships__in=memberships).distinct().order_by("name")
        )
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def is_partner(user):
    return bool(partner_organisations(user))


def _is_active_staff(user):
    return bool(getattr(user, "is_staff", False) and user.is_active)


def may_have_partner_files(user):
    """Staff (who upload them) and members of an active partner organisation."""
    return _is_active_staff(user) or is_partner(user)


def visible_resources(user):
    """Resources whose files this person may reach at all: public ones, every one for staff."""
    if _is_active_staff(user):
        return Resource.objects.all()
    return Resource.objects.published()


def may_reach(user, resource):
    """`visible_resources` for one resource in hand: no query, so a page may ask it for every file."""
    return _is_active_staff(user) or resource.is_public


def decide(user, resource_file):
    """What to answer this person asking for this file (None stands for a file that does not exist)."""
    if resource_file is None or not may_reach(user, resource_file.resource):
        return Decision.NOT_FOUND
    if resource_file.access == Access.PUBLIC or may_have_partner_files(user):
        return Decision.ALLOW
    if not getattr(user, "is_authenticated", False):
        return Decision.SIGN_IN
    return Decision.FORBIDDEN


def can_download(user, resource_file):
    return decide(user, resource_file) is Decision.ALLOW


def downloadable_files(user, files=None):
    """Exactly the files this person may have, out of `files` (all files when not given)."""
    files = ResourceFile.objects.all() if files is None else files
    files = files.filter(resource__in=visible_resources(user))
    if may_have_partner_files(user):
        return files
    return files.filter(access=Access.PUBLIC)


def partner_resources(user):
    """Published resources holding partner-only files this person may have (their 'open toolkits')."""
    if not may_have_partner_files(user):
        return Resource.objects.none()
    partner_files = ResourceFile.objects.filter(access=Access.PARTNERS)
    return Resource.objects.published().filter(id__in=partner_files.values("resource_id"))
