"""The staff dashboard on the admin index: waiting for review, scheduled, due for a content
review, recent changes."""

from django import template
from django.utils.timezone import localdate
from reversion.models import Version

from library import workflow
from library.models import Resource

register = template.Library()

DASHBOARD_ROWS = 10


@register.inclusion_tag("admin/library/dashboard.html", takes_context=True)
def publishing_dashboard(context):
    request = context.get("request")
    if request is None or not request.user.has_perm("library.view_resource"):
        return {"show": False}
    in_review = Resource.objects.in_review().select_related("created_by").order_by("updated_at")
    versions = list(
        Version.objects.get_for_model(Resource)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")[:DASHBOARD_ROWS]
    )
    resources = Resource.objects.only("pk", "kind", "title").in_bulk([int(v.object_id) for v in versions])
    today = localdate()
    due = Resource.objects.due_for_review(today).order_by("review_by", "id")
    return {
        "show": True,
        "today": today,
        "review_due": due.only("pk", "kind", "title", "review_by", "reviewed_at")[:DASHBOARD_ROWS],
        "review_due_count": due.count(),
        "review_overdue_count": Resource.objects.overdue_for_review(today).count(),
        "may_mark_reviewed": workflow.may_publish(request.user),
        "csrf_token": context.get("csrf_token"),
        "in_review": in_review[:DASHBOARD_ROWS],
        "in_review_count": in_review.count(),
        "scheduled": Resource.objects.scheduled().order_by("published_at")[:DASHBOARD_ROWS],
        "recent": [(version, resources.get(int(version.object_id))) for version in versions],
    }


@register.filter
def admin_change_url(resource):
    from library.admin import admin_change_url as url_for

    return url_for(resource)
