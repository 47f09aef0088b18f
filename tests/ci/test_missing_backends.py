"""A missing backend skips a test on a developer's machine and fails it in CI (REQUIRE_ALL_BACKENDS=1)."""

import pytest

CONFTEST = """
import pytest

from tests.backends import fail_missing_backend_when_required


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    fail_missing_backend_when_required(outcome.get_result())
"""

TESTS = """
import pytest

from tests.backends import skip_missing_backend


@pytest.fixture
def chromium():
    skip_missing_backend("Chromium is not at /nowhere/chromium")


def test_needs_postgresql():
    skip_missing_backend("PostgreSQL at 127.0.0.1:5999 does not answer")


def test_needs_a_browser(chromium):
    pass


def test_skipped_for_an_ordinary_reason():
    pytest.skip("not on this platform")


def test_that_runs():
    assert True
"""


@pytest.fixture
def suite(pytester, monkeypatch):
    monkeypatch.delenv("REQUIRE_ALL_BACKENDS", raising=False)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_suite=TESTS)
    return pytester


def run(suite):
    return suite.runpytest("-p", "no:django", "-p", "no:cacheprovider", "-rs")


def test_a_missing_backend_only_skips_by_default(suite):
    result = run(suite)
    result.assert_outcomes(passed=1, skipped=3)
    result.stdout.fnmatch_lines(["*[[]missing backend[]] PostgreSQL at 127.0.0.1:5999 does not answer*"])
    assert result.ret == pytest.ExitCode.OK


def test_a_missing_backend_fails_when_every_backend_is_required(suite, monkeypatch):
    monkeypatch.setenv("REQUIRE_ALL_BACKENDS", "1")
    result = run(suite)
    result.assert_outcomes(passed=1, skipped=1, failed=1, errors=1)
    for backend in ("PostgreSQL at 127.0.0.1:5999", "Chromium is not at /nowhere/chromium"):
        result.stdout.fnmatch_lines([f"*REQUIRE_ALL_BACKENDS=1 turns this skip into a failure*{backend}*"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_zero_means_not_required(suite, monkeypatch):
    monkeypatch.setenv("REQUIRE_ALL_BACKENDS", "0")
    run(suite).assert_outcomes(passed=1, skipped=3)
