"""What upkeep adds to the library's pages (library.extensions)."""

from upkeep.forms import PreferencesForm
from upkeep.models import Link, LinkUse, NoticeOptOut


def account_notices(request):
    """/accounts/: whether to hear of new versions, and the resources one asked to hear nothing of."""
    opt_outs = list(
        NoticeOptOut.objects.filter(user=request.user, resource__isnull=False)
        .select_related("resource")
        .order_by("resource__title")
    )
    every = NoticeOptOut.objects.filter(user=request.user, resource__isnull=True).exists()
    return {
        "template": "upkeep/includes/account_notices.html",
        "form": PreferencesForm(initial={"notify": not every}),
        "opt_outs": opt_outs,
        "notify": not every,
    }


def admin_resource_links(request, resource):
    """The resource's admin page: its external links and what the last check found."""
    if not request.user.has_perm("upkeep.view_link"):
        return None
    uses = list(
        LinkUse.objects.filter(resource_id=resource.pk)
        .select_related("link")
        .order_by("-link__status", "place", "link__url")
    )
    if not uses:
        return None
    return {
        "template": "upkeep/admin/resource_links.html",
        "uses": uses,
        "broken_count": sum(use.link.status in Link.BROKEN for use in uses),
    }
