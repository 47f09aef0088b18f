"""The staff-only preview of a resource in any state, at /preview/<id>/."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from library import subtypes
from library.models import Resource
from library.views import DETAIL_PAGE, detail_context, with_article


def may_preview(user):
    return user.is_active and user.is_staff and user.has_perm("library.view_resource")


@never_cache
def preview(request, pk):
    """Staff see any resource exactly as readers will (the page and the article of its kind); everyone
    else gets 404, so the address does not even say that a draft exists."""
    if not may_preview(request.user):
        raise Http404
    kind = get_object_or_404(Resource.objects.only("kind"), pk=pk).kind
    model = subtypes.model_for(kind)
    resource = get_object_or_404(
        model.objects.prefetch_related("themes", "countries", "tags", "files"), pk=pk
    )
    if not resource.is_public:
        state = str(resource.state_label).lower()
        messages.info(request, _("Preview: this resource is not public (%(state)s).") % {"state": state})
    context = detail_context(request, resource)
    if not resource.is_public:
        context["cover"] = None  # cover images are served for public resources only
    response = render(request, DETAIL_PAGE, with_article(request, context))
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
