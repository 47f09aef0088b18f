"""Cache-Control for pages that must never be stored by shared caches.

Anything answered to a signed-in person (their header, their account, partner files, the admin)
and any response that sets a cookie is `private, no-store`: a proxy or CDN keeps none of it, and
the browser keeps no copy on disk. Anonymous public pages get their headers from
library.cache.cache_public_page.
"""

from django.utils.cache import patch_cache_control

PRIVATE = "private, no-store, max-age=0"


class PrivateCacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or response.cookies:
            response["Cache-Control"] = PRIVATE
        elif response.get("Content-Disposition", "").startswith("attachment") and not response.has_header(
            "Cache-Control"
        ):
            # a public file: caches may keep it but must ask first, so unpublishing takes effect
            patch_cache_control(response, no_cache=True)
        return response
