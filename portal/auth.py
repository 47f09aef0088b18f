"""Sign-in throttling glue for django-axes."""

from axes.backends import AxesStandaloneBackend


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
