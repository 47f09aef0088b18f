"""Choosing whether to hear of new versions: the one-click unsubscribe link of each e-mail, and
the choices on /accounts/."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from library.models import Resource
from upkeep import unsubscribe as tokens
from upkeep.forms import PreferencesForm, ResumeForm
from upkeep.models import NoticeOptOut


def _bad_link(request):
    return render(request, "upkeep/unsubscribe_invalid.html", status=400)


# The token itself is the permission (RFC 8058: mail programs POST without cookies or a CSRF
# token); GET only shows the question, so a link scanner that follows it changes nothing.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        user_id, resource_id = tokens.read(token)
    except signing.BadSignature:
        return _bad_link(request)
    person = get_user_model().objects.filter(pk=user_id).first()
    resource = (
        Resource.objects.filter(pk=resource_id).only("pk", "title", "kind", "slug").first()
        if resource_id
        else None
    )
    if person is None or (resource_id and resource is None):
        return _bad_link(request)
    context = {"resource": resource, "token": token}
    if request.method != "POST":
        return render(request, "upkeep/unsubscribe.html", context)
    with transaction.atomic():
        NoticeOptOut.objects.get_or_create(user=person, resource=resource)
    return render(request, "upkeep/unsubscribed.html", context)


@login_required
@require_POST
def preferences(request):
    form = PreferencesForm(request.POST)
    if not form.is_valid():
        return render(request, "upkeep/bad_request.html", status=400)
    every = NoticeOptOut.objects.filter(user=request.user, resource__isnull=True)
    if form.cleaned_data["notify"]:
        every.delete()
        messages.success(request, _("You will be told when a file you downloaded gets a new version."))
    else:
        NoticeOptOut.objects.get_or_create(user=request.user, resource=None)
        messages.success(request, _("You will get no e-mail about new versions of files."))
    return redirect(reverse("account"))


@login_required
@require_POST
def resume(request):
    form = ResumeForm(request.POST)
    if not form.is_valid():
        return render(request, "upkeep/bad_request.html", status=400)
    deleted, _rows = NoticeOptOut.objects.filter(
        user=request.user, resource_id=form.cleaned_data["resource"]
    ).delete()
    if not deleted:
        return render(request, "upkeep/bad_request.html", status=400)
    messages.success(request, _("You will hear of this resource’s changes again."))
    return redirect(reverse("account"))
