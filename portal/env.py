"""Typed readers for settings that come from the environment.

Each helper fails loudly with ImproperlyConfigured on a value it cannot read, so a
mistyped production setting stops the process at start-up instead of misbehaving later.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_settings(url: str, base_dir=None) -> dict:
    """Django's EMAIL_* settings from one EMAIL_URL.

    smtp://user:password@host:587   STARTTLS on port 587 (or with ?tls=1), plain otherwise
    smtps://user:password@host:465  TLS from the first byte
    file:///var/mail/portal         one readable .log file per message in that folder
                                    (file://relative/folder is relative to the project)
    console:, locmem:, dummy:       Django's development backends
    ?timeout=N                      seconds before a silent server counts as failed (default 20)

    User and password are percent-decoded, so a password may hold any character.
    """
    from urllib.parse import parse_qs, unquote, urlsplit

    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL is not a mail URL we can read: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with one of {', '.join(sorted(EMAIL_BACKENDS))}:; got {scheme or url!r}"
        )
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    settings = {"EMAIL_BACKEND": EMAIL_BACKENDS[scheme]}
    if scheme == "file":
        folder = unquote((parts.netloc or "") + parts.path)
        if not folder:
            raise ImproperlyConfigured("EMAIL_URL file:// needs a folder, e.g. file:///var/mail/portal")
        if not folder.startswith("/") and base_dir is not None:
            folder = str(base_dir / folder)
        settings["EMAIL_FILE_PATH"] = folder
    elif scheme in {"smtp", "smtps"}:
        if not parts.hostname:
            raise ImproperlyConfigured(
                "EMAIL_URL needs a host, e.g. smtp://user:password@mail.example.org:587"
            )
        default_port = 465 if scheme == "smtps" else 25
        settings |= {
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": port or default_port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_USE_TLS": scheme == "smtp"
            and (port == 587 or options.get("tls", "").lower() in TRUE_WORDS),
        }
    try:
        settings["EMAIL_TIMEOUT"] = int(options.get("timeout", 20))
    except ValueError:
        raise ImproperlyConfigured(
            f"EMAIL_URL ?timeout must be whole seconds; got {options['timeout']!r}"
        ) from None
    return settings
