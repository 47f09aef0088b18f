"""Tests that need a backend this machine may lack (Chromium, axe-core, PostgreSQL) skip with a marked reason.

A developer without Chromium still gets a green suite, and is told what was left out. CI sets
``REQUIRE_ALL_BACKENDS=1``: then each such skip is reported as a failure, so CI cannot pass by
quietly skipping the browser or PostgreSQL tests. Ordinary ``pytest.skip`` calls are not affected.
"""

import os

import pytest

MISSING_BACKEND = "[missing backend]"
REQUIRE_ALL_BACKENDS = "REQUIRE_ALL_BACKENDS"


def skip_missing_backend(what):
    """Skip the current test because `what` (a sentence naming the backend and how to get it) is missing."""
    pytest.skip(f"{MISSING_BACKEND} {what}")


def all_backends_required():
    return os.environ.get(REQUIRE_ALL_BACKENDS, "").strip() not in ("", "0")


def skip_reason(report):
    """The reason of a skipped report, or "" for any other report."""
    if not report.skipped or hasattr(report, "wasxfail"):
        return ""
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr or "")


def fail_missing_backend_when_required(report):
    """Turn a missing-backend skip into a failure when every backend is required (in place)."""
    reason = skip_reason(report)
    if MISSING_BACKEND not in reason or not all_backends_required():
        return
    report.outcome = "failed"
    report.longrepr = f"{REQUIRE_ALL_BACKENDS}=1 turns this skip into a failure: {reason}"


def check_database_server(connection):
    """Skip when the tests' PostgreSQL server does not answer (SQLite needs no server)."""
    if connection.vendor != "postgresql":
        return
    import psycopg

    settings = connection.settings_dict
    parameters = {
        "host": settings.get("HOST") or None,
        "port": settings.get("PORT") or None,
        "user": settings.get("USER") or None,
        "password": settings.get("PASSWORD") or None,
        "dbname": "postgres",
        "connect_timeout": 5,
    }
    try:
        psycopg.connect(**{key: value for key, value in parameters.items() if value is not None}).close()
    except psycopg.OperationalError as error:
        where = f"{settings.get('HOST') or 'local socket'}:{settings.get('PORT') or 5432}"
        skip_missing_backend(f"PostgreSQL at {where} does not answer: {str(error).strip()}")
