"""Anyone can check a certificate: /certificates/ takes a code, /certificates/<code>/ says whether
it is valid, whose it is and for which programme."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from library import rate_limits
from library.client_address import client_ip
from programmes.forms import CodeForm
from programmes.models import Certificate
from programmes.views.programmes import problem

LOOKUP_LIMIT = 60  # look-ups per client address and hour: enough for people, a brake on guessing
LOOKUP_WINDOW = 3600


def _throttled(request):
    if rate_limits.allow(
        "certificate-lookup", client_ip(request), limit=LOOKUP_LIMIT, per_seconds=LOOKUP_WINDOW
    ):
        return None
    response = problem(
        request,
        429,
        _("Too many look-ups"),
        _("Too many certificates were looked up from your address. Try again later."),
    )
    response["Retry-After"] = str(rate_limits.retry_after(LOOKUP_WINDOW))
    return response


@require_safe
@never_cache
def lookup(request):
    if "code" not in request.GET:
        return render(request, "programmes/certificate_lookup.html", {"form": CodeForm()})
    form = CodeForm(request.GET)
    if not form.is_valid():
        return render(request, "programmes/certificate_lookup.html", {"form": form}, status=400)
    return redirect("programmes:certificate", code=form.cleaned_data["code"])


@require_safe
@never_cache
def verify(request, code):
    throttled = _throttled(request)
    if throttled:
        return throttled
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment__programme"), code=code.upper()
    )
    return render(request, "programmes/certificate.html", {"certificate": certificate})
