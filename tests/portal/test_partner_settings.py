"""The environment configures sign-in, e-mail and media storage (portal/settings.py, partners block)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password, make_password

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "email": settings.EMAIL_BACKEND, "email_host": settings.EMAIL_HOST,
    "email_port": settings.EMAIL_PORT, "email_tls": settings.EMAIL_USE_TLS,
    "hasher": settings.PASSWORD_HASHERS[0], "proxies": settings.TRUSTED_PROXY_COUNT,
    "storage": settings.STORAGES["default"], "signed": settings.MEDIA_SIGNED_URL_SECONDS,
    "apps": settings.INSTALLED_APPS, "middleware": settings.MIDDLEWARE,
}))
"""


def settings_with(**environment):
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "MEDIA_", "EMAIL_"))
    }
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings", "SECRET_KEY": "probe", "DEBUG": "0"})
    env.pop("TRUST_X_FORWARDED_PROTO", None)
    env.update(environment)
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode:
        return result.stderr
    return json.loads(result.stdout)


def test_production_hashes_passwords_with_argon2_and_sends_mail_over_smtp_from_the_environment():
    found = settings_with(EMAIL_URL="smtp://mailer:secret@smtp.example.org:587")
    assert found["hasher"] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert found["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["email_host"] == "smtp.example.org"
    assert (found["email_port"], found["email_tls"]) == (587, True)
    assert "axes" in found["apps"] and found["middleware"][-1] == "axes.middleware.AxesMiddleware"
    assert found["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert found["proxies"] == 0 and found["signed"] == 0


def test_development_prints_mail_to_the_console():
    assert settings_with(DEBUG="1")["email"] == "django.core.mail.backends.console.EmailBackend"


def test_a_tls_proxy_setting_trusts_one_proxy_for_the_client_address():
    assert settings_with(TRUST_X_FORWARDED_PROTO="1")["proxies"] == 1
    assert settings_with(TRUST_X_FORWARDED_PROTO="1", TRUSTED_PROXY_COUNT="2")["proxies"] == 2


def test_object_storage_is_configured_from_the_environment():
    found = settings_with(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="library",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
        MEDIA_SIGNED_URL_SECONDS="30",
    )
    assert found["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = found["storage"]["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["default_acl"]) == (
        "library",
        "https://s3.example.org",
        "private",
    )
    assert options["querystring_auth"] is True and found["signed"] == options["querystring_expire"] == 30


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be"),
        ({"LOGIN_FAILURE_LIMIT": "many"}, "LOGIN_FAILURE_LIMIT must be a whole number"),
    ],
)
def test_a_bad_setting_stops_the_start(environment, message):
    assert message in settings_with(**environment)


def test_argon2_hashes_and_checks_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    encoded = make_password("correct horse battery staple", hasher="argon2")
    assert encoded.startswith("argon2$")
    assert check_password("correct horse battery staple", encoded)


def test_an_unreadable_email_url_stops_the_start_with_a_message():
    assert "EMAIL_URL must start with one of" in settings_with(EMAIL_URL="mail.example.org")
