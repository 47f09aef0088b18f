"""Two-factor sign-in (TOTP) for staff, with django-otp.

With STAFF_REQUIRE_2FA=1 a staff member who signed in with their password reaches /admin/ only
after entering a code from an authenticator app. The first time, /accounts/two-factor/ shows
a QR code and the secret key to add to the app, and the first correct code confirms the device.
Losing the phone: another administrator deletes the person's TOTP device in the admin ("TOTP
devices"), and the next sign-in starts the set-up again.
"""

from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.validators import RegexValidator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

DEVICE_NAME = "Authenticator app"
EXEMPT_ADMIN_PATHS = ("logout/", "jsi18n/")
# staff-only pages outside /admin/ (they show unpublished content)
STAFF_VIEWS = {"library:preview"}


class StaffTwoFactorMiddleware:
    """Sends a staff member without a verified second factor from staff-only pages (the admin and
    the previews of unpublished resources) to the code page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.STAFF_REQUIRE_2FA and self._staff_only(request) and self._unverified_staff(request.user):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('two-factor')}?{query}")
        return None

    @staticmethod
    def _staff_only(request):
        admin_root = reverse("admin:index")
        if request.path.startswith(admin_root):
            return not request.path.removeprefix(admin_root).startswith(EXEMPT_ADMIN_PATHS)
        match = request.resolver_match
        return match is not None and match.view_name in STAFF_VIEWS

    @staticmethod
    def _unverified_staff(user):
        return user.is_authenticated and user.is_staff and not user.is_verified()


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=8,
        validators=[RegexValidator(r"^\d{6,8}\Z", _("Enter the digits your app shows, without spaces."))],
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@login_required
def two_factor(request):
    next_url = _safe_next(request)
    device = _confirmed_device(request.user) or _pending_device(request.user, create=True)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("token", _("That code is not right, or it has expired. Enter the newest code."))
    context = {
        "form": form,
        "next": next_url,
        "setting_up": not device.confirmed,
        "secret": b32encode(device.bin_key).decode() if not device.confirmed else "",
    }
    return render(request, "portal/two_factor.html", context, status=400 if form.errors else 200)


@login_required
def two_factor_qr(request):
    """The pending device's otpauth:// address as a QR code (SVG), for the set-up page."""
    device = _pending_device(request.user, create=False)
    if device is None:
        raise Http404
    response = HttpResponse(content_type="image/svg+xml")
    write_qrcode_image(device.config_url, response)
    return response


def _confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _pending_device(user, *, create):
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None and create:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _safe_next(request):
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    hosts = {request.get_host()}
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts=hosts, require_https=request.is_secure()):
        return wanted
    return reverse("admin:index")
