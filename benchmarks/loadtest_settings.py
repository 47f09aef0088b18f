"""The production settings, for the load test on loopback.

Identical to portal.settings (DEBUG off, HSTS, CSP, secure redirect answered through the trusted
X-Forwarded-Proto the load generator sends) except one thing loopback cannot give: TLS. Browsers'
and Locust's cookie jars keep Secure cookies away from plain http, so the signed-in partner could
not stay signed in; the session and CSRF cookies drop the Secure flag here and only here.
"""

from portal.settings import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
