"""Cache-Control for answers that must never be stored by shared caches.

Every page answered to a signed-in person (their header, their account, the admin) and any
response that sets a cookie is `private, no-store`: a proxy or CDN keeps none of it, and the
browser keeps no copy on disk. A view may decide for itself by setting `private` (the download
view sends partner files `private, no-cache`, so browsers can resume and revalidate) or, for a
non-page answer that is the same for everyone (a public file), its own header. Anonymous public
pages get their headers from library.cache.cache_public_page.
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
            if not self._view_decided(response):
                response["Cache-Control"] = PRIVATE
        elif response.get("Content-Disposition", "").startswith("attachment") and not response.has_header(
            "Cache-Control"
        ):
            # a public file: caches may keep it but must ask first, so unpublishing takes effect
            patch_cache_control(response, no_cache=True)
        return response

    @staticmethod
    def _view_decided(response):
        chosen = response.get("Cache-Control", "")
        if "private" in chosen or "no-store" in chosen:
            return True
        is_page = response.get("Content-Type", "").startswith("text/html")
        return bool(chosen) and not is_page and not response.cookies
