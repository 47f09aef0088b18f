"""Requests a few pages under the production settings and prints what came back, as JSON.
Run by tests/portal/test_production_headers.py in its own process (see production.py)."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def described(response):
    return {
        "status": response.status_code,
        "location": response.get("Location"),
        "headers": dict(response.headers),
        "cookies": {
            name: {
                "secure": bool(morsel["secure"]),
                "httponly": bool(morsel["httponly"]),
                "samesite": morsel["samesite"],
            }
            for name, morsel in response.cookies.items()
        },
    }


call_command("migrate", verbosity=0)
get_user_model().objects.create_user("probe", password="a-long-probe-password")
client = Client(HTTP_HOST="library.example.org")
report = {
    "plain_http": described(client.get("/library/")),
    "https": described(client.get("/library/", secure=True)),
    "forwarded_https": described(client.get("/library/", HTTP_X_FORWARDED_PROTO="https")),
    "login_form": described(client.get("/accounts/login/", secure=True)),
    "login": described(
        client.post(
            "/accounts/login/", {"username": "probe", "password": "a-long-probe-password"}, secure=True
        )
    ),
    "language": described(client.post("/i18n/setlang/", {"language": "fr", "next": "/"}, secure=True)),
    "debug": settings.DEBUG,
}
print(json.dumps(report))
