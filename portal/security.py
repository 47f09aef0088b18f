"""Response headers that Django's SecurityMiddleware does not write itself.

Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY); HSTS,
X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy from SecurityMiddleware;
X-Frame-Options from XFrameOptionsMiddleware. This adds Permissions-Policy and
Cross-Origin-Resource-Policy, so every response carries the whole set.
"""

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": getattr(settings, "PERMISSIONS_POLICY", ""),
            "Cross-Origin-Resource-Policy": getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", ""),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value and name not in response:
                response[name] = value
        return response
