"""Open-data answers (/api/, /oai/, the catalogue) are the same for everyone: anonymous, read-only.

The session and authentication middleware may still read the session cookie of a signed-in
reader who calls the API from a browser; that adds `Vary: Cookie` (and the locale middleware
`Vary: Accept-Language`), which would make a CDN keep
one copy per cookie. The answers never depend on it (DRF authenticates no one here), so the
`Cookie` entry is dropped again and no cookie is ever set; `Cross-Origin-Resource-Policy` is
`cross-origin`, since other sites are meant to read these answers.
"""

from django.utils.cache import patch_vary_headers

# the answers depend on neither: no session is read, and they are always in the default language
IGNORED = {"cookie", "accept-language"}
OPEN_DATA_PREFIXES = ("/api/", "/oai/", "/catalog.jsonld")


def is_open_data(path: str) -> bool:
    return path.startswith(OPEN_DATA_PREFIXES)


class StatelessOpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_open_data(request.path_info):
            return response
        if response.has_header("Vary"):
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() not in IGNORED]
            del response["Vary"]
            if kept:
                patch_vary_headers(response, kept)
        response.cookies.clear()
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response
