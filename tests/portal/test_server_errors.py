"""A 500: the reader sees a plain page with no detail; the log gets the stack trace as a JSON line."""

import json

from tests.portal.production import collected_production_env, run

FAIL_ONCE = """
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings
with override_settings(ROOT_URLCONF="tests.portal.failing_urls"):
    response = Client(HTTP_HOST="library.example.org", raise_request_exception=False).get(
        "/fail/", secure=True, HTTP_X_REQUEST_ID="trace-500")
page = response.content.decode().replace("\\n", " ")
print("RESPONSE", response.status_code, response["X-Request-ID"], page)
"""


def test_a_server_error_is_logged_with_its_stack_trace_and_shows_the_reader_no_detail(tmp_path):
    finished = run(["-c", FAIL_ONCE], collected_production_env(tmp_path, LOG_LEVEL="INFO"))
    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.strip().splitlines()
    status, request_id, page = lines[-1].removeprefix("RESPONSE ").split(" ", 2)
    assert (status, request_id) == ("500", "trace-500")
    assert "hunter2" not in page and "Traceback" not in page and "SecretFailure" not in page
    logged = [json.loads(line) for line in lines[:-1]]
    (error,) = [entry for entry in logged if entry["logger"] == "django.request"]
    assert error["level"] == "ERROR"
    assert error["request_id"] == "trace-500"
    assert (
        "Traceback" in error["exc_info"]
        and "SecretFailure: database password is hunter2" in error["exc_info"]
    )
