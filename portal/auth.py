"""Sign-in throttling glue for django-axes, and the password-reset mail through the outbox."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django.utils import translation

from notifications.outbox import queue_rendered


class ThrottledSignInBackend(AxesStandaloneBackend):
    """Refuses sign-in while an account+address pair is cooling off after repeated failures.

    Every sign-in over the web (the login page, the admin) passes the request. Only code on the
    server itself (the test client's login(), a shell) authenticates without one; there is no
    address to throttle then, so this backend steps aside instead of raising."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def throttle_username(request, credentials):
    """Count 'Partner' and 'partner ' as one account, so case games do not buy extra tries."""
    from django.conf import settings

    username = (credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD) or request.POST.get(
        settings.AXES_USERNAME_FORM_FIELD, ""
    )
    return str(username).strip().casefold()


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the mail is queued for the task worker instead of being sent
    while the person waits (and while a slow mail server would show them an error)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        html = loader.render_to_string(html_email_template_name, context) if html_email_template_name else ""
        queue_rendered(
            to=to_email,
            subject=loader.render_to_string(subject_template_name, context),
            text=loader.render_to_string(email_template_name, context),
            html=html,
            language=translation.get_language() or "en",
        )
