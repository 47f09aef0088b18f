"""Headers and cookies under the production settings, in a process configured by the environment
alone (DEBUG off), as an HTTP Observatory scan would see them."""

import re
from pathlib import Path

import pytest

from tests.portal.production import REPO, collected_production_env, production_env, run, run_script


@pytest.fixture(scope="module")
def behind_untrusted_proxy(tmp_path_factory):
    return run_script("production_probe", collected_production_env(tmp_path_factory.mktemp("prod")))


@pytest.fixture(scope="module")
def behind_trusted_proxy(tmp_path_factory):
    env = collected_production_env(tmp_path_factory.mktemp("prod-proxy"), TRUST_X_FORWARDED_PROTO=1)
    return run_script("production_probe", env)


def directives(policy):
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


def test_the_deploy_checks_pass_with_production_settings(tmp_path):
    finished = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))
    assert finished.returncode == 0, finished.stdout + finished.stderr


def test_the_deploy_checks_fail_with_debug_on(tmp_path):
    finished = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path, DEBUG=1)
    )
    assert finished.returncode != 0
    assert "security.W018" in finished.stderr + finished.stdout


def test_it_runs_with_debug_off(behind_untrusted_proxy):
    assert behind_untrusted_proxy["debug"] is False


def test_it_redirects_plain_http_to_https(behind_untrusted_proxy):
    answer = behind_untrusted_proxy["plain_http"]
    assert answer["status"] == 301
    assert answer["location"] == "https://library.example.org/library/"


def test_it_ignores_the_forwarded_scheme_unless_told_to_trust_it(behind_untrusted_proxy):
    assert behind_untrusted_proxy["forwarded_https"]["status"] == 301


def test_it_trusts_the_forwarded_scheme_when_configured(behind_trusted_proxy):
    assert behind_trusted_proxy["forwarded_https"]["status"] == 200
    assert behind_trusted_proxy["plain_http"]["status"] == 301


def test_it_asks_browsers_for_https_for_two_years_with_preload(behind_untrusted_proxy):
    hsts = behind_untrusted_proxy["https"]["headers"]["Strict-Transport-Security"]
    assert hsts == "max-age=63072000; includeSubDomains; preload"


def test_its_content_security_policy_is_strict(behind_untrusted_proxy):
    policy = behind_untrusted_proxy["https"]["headers"]["Content-Security-Policy"]
    found = directives(policy)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "*" not in policy
    assert found["default-src"] == ["'self'"]
    assert found["script-src"] == ["'self'"]
    assert found["style-src"] == ["'self'"]
    assert found["frame-ancestors"] == ["'none'"]
    assert found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'none'"]
    assert found["form-action"] == ["'self'"]
    assert "upgrade-insecure-requests" in found


def test_it_sends_the_other_security_headers(behind_untrusted_proxy):
    headers = behind_untrusted_proxy["https"]["headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]


def test_session_cookie_is_secure_httponly_and_same_site(behind_untrusted_proxy):
    login = behind_untrusted_proxy["login"]
    assert login["status"] == 302
    assert login["cookies"]["sessionid"] == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_csrf_cookie_is_secure_httponly_and_same_site(behind_untrusted_proxy):
    cookie = behind_untrusted_proxy["login_form"]["cookies"]["csrftoken"]
    assert cookie == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_language_cookie_is_secure_httponly_and_same_site(behind_untrusted_proxy):
    cookie = behind_untrusted_proxy["language"]["cookies"]["django_language"]
    assert cookie == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_pages_that_set_cookies_are_private(behind_untrusted_proxy):
    assert "private" in behind_untrusted_proxy["login_form"]["headers"]["Cache-Control"]
    assert "no-store" in behind_untrusted_proxy["login"]["headers"]["Cache-Control"]


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def test_no_template_has_inline_script_style_or_event_handler():
    offenders = [
        f"{path.relative_to(REPO)}: {match.group(0)}"
        for folder in [Path(REPO, "templates"), *Path(REPO).glob("*/templates")]
        for path in sorted(folder.rglob("*.html"))
        for match in INLINE.finditer(path.read_text())
    ]
    assert offenders == []
