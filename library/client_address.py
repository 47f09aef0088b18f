"""The client's network address, read correctly behind our own proxies and never stored in clear.

`X-Forwarded-For` is believed only when settings say how many proxies of ours stand in front of
the app (`TRUSTED_PROXY_COUNT`, 1 by default when `TRUST_X_FORWARDED_PROTO` is on). Each proxy
appends the address it saw, so the client is the entry that many places from the right; entries
further left were written by the client and may be forged.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.utils import timezone


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except (ValueError, AttributeError):
        return None


def client_ip(request):
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104 - a placeholder, never bound
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    if len(forwarded) < proxies:
        return remote
    return _valid(forwarded[-proxies]) or remote


def address_fingerprint(request, day=None):
    """A keyed hash of the client address and the day: the same place on the same day matches,
    and without the secret key it cannot be turned back into an address."""
    day = day or timezone.now().date()
    key = hashlib.sha256(f"download-log:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, f"{day.isoformat()}|{client_ip(request)}".encode(), hashlib.sha256).hexdigest()
