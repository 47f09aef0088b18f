"""Absolute links for mail, which is written without a request (by the worker or cron)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def absolute(path):
    base = settings.PUBLIC_BASE_URL
    if not base:
        raise ImproperlyConfigured(
            "PUBLIC_BASE_URL (e.g. https://library.example.org) is needed for links in mail."
        )
    return base + path
