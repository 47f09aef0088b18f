"""Requests per client address, read as everywhere else in the portal (library.client_address),
so a proxy's address is never taken for the client's. A throttled API request is answered 429
with `Retry-After` and a JSON message (api.errors); OAI-PMH answers 503 with `Retry-After`, as
its guidelines tell harvesters to expect (harvest.views)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from library.client_address import client_ip


class ClientAddressThrottle(SimpleRateThrottle):
    scope = "api"
    setting = "API_THROTTLE_RATE"

    def get_rate(self):
        # read when asked (not when DRF was imported), so the setting is the one source
        return getattr(settings, self.setting)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class HarvestThrottle(ClientAddressThrottle):
    scope = "oai"
    setting = "OAI_THROTTLE_RATE"
