"""Requests per client address, read as everywhere else in the portal (library.client_address),
so a proxy's address is never taken for the client's. A throttled request is answered 429 with
`Retry-After` (DRF writes it) and a JSON message (api.errors)."""

from rest_framework.throttling import SimpleRateThrottle

from library.client_address import client_ip


class ClientAddressThrottle(SimpleRateThrottle):
    scope = "api"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class HarvestThrottle(ClientAddressThrottle):
    scope = "oai"
