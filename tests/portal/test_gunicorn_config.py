"""gunicorn.conf.py takes workers, threads and timeouts from the environment and logs to stdout."""

import runpy

from portal.access_log import ACCESS_FIELDS
from tests.portal.production import REPO


def config(monkeypatch, **environment):
    for name in (
        "WEB_CONCURRENCY",
        "GUNICORN_THREADS",
        "GUNICORN_TIMEOUT",
        "GUNICORN_BIND",
        "GUNICORN_KEEPALIVE",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(REPO / "gunicorn.conf.py"))


def test_it_reads_workers_threads_timeout_and_address_from_the_environment(monkeypatch):
    settings = config(
        monkeypatch,
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="8",
        GUNICORN_TIMEOUT="45",
        GUNICORN_BIND="0.0.0.0:9000",
    )
    assert (settings["workers"], settings["threads"], settings["timeout"]) == (3, 8, 45)
    assert settings["bind"] == "0.0.0.0:9000"
    assert settings["worker_class"] == "gthread"


def test_it_listens_on_loopback_by_default_with_two_workers_a_core(monkeypatch):
    import multiprocessing

    settings = config(monkeypatch)
    assert settings["bind"] == "127.0.0.1:8000"
    assert settings["workers"] == multiprocessing.cpu_count() * 2 + 1


def test_each_response_closes_its_connection_unless_told_to_keep_it(monkeypatch):
    # a kept connection stays with its worker: after a worker is replaced the others would hold them all
    assert config(monkeypatch)["keepalive"] == 0
    assert config(monkeypatch, GUNICORN_KEEPALIVE="5")["keepalive"] == 5


def test_a_worker_takes_a_connection_only_for_a_free_thread_unless_connections_are_kept(monkeypatch):
    assert config(monkeypatch, GUNICORN_THREADS="4")["worker_connections"] == 4
    kept = config(monkeypatch, GUNICORN_THREADS="4", GUNICORN_KEEPALIVE="5")
    assert kept["worker_connections"] == 1000, "room for the kept connections beside the busy ones"


def test_a_number_it_cannot_read_stops_it_with_the_setting_named(monkeypatch):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="GUNICORN_THREADS"):
        config(monkeypatch, GUNICORN_THREADS="eight")


def test_access_and_error_logs_go_to_stdout_as_json(monkeypatch):
    settings = config(monkeypatch)
    assert settings["accesslog"] == "-" and settings["errorlog"] == "-"
    assert settings["logger_class"] == "portal.access_log.AccessLogger"  # gathers only what it writes
    handlers = settings["logconfig_dict"]["handlers"]
    assert {handler["stream"] for handler in handlers.values()} == {"ext://sys.stdout"}
    assert (
        settings["logconfig_dict"]["formatters"]["access"]["()"] == "portal.access_log.AccessLogJsonFormatter"
    )


def test_an_access_line_is_one_json_object_with_the_request_id():
    import json
    import logging

    from portal.access_log import AccessLogJsonFormatter

    atoms = {"h": "10.0.0.1", "m": "GET", "U": "/library/", "q": "q=radio", "s": "200", "B": 5120,
             "D": 41000, "a": 'curl "quoted"', "{x-request-id}o": "trace-1"}  # fmt: skip
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s", None, None)
    record.args = atoms
    line = json.loads(AccessLogJsonFormatter("%(asctime)s %(name)s").format(record))
    assert line["request_id"] == "trace-1"
    assert (line["method"], line["path"], line["status"], line["user_agent"]) == (
        "GET", "/library/", "200", 'curl "quoted"'
    )  # fmt: skip


def test_a_real_server_writes_one_json_access_line_a_request_with_its_fields(tmp_path):
    import json

    from tests.portal.production import production_env, serve_with_gunicorn

    env = production_env(tmp_path, WEB_CONCURRENCY=1, GUNICORN_THREADS=1, SECURE_SSL_REDIRECT=0)
    statuses, output = serve_with_gunicorn(env, ["/robots.txt?from=test", "/healthz"])

    assert statuses == [200, 200], output
    lines = [json.loads(line) for line in output.splitlines() if '"logger": "gunicorn.access"' in line]
    fields = {"time", "logger", "message", *ACCESS_FIELDS.values()}
    assert [(line["path"], line["query"], line["status"]) for line in lines] == [
        ("/robots.txt", "from=test", "200"),
        ("/healthz", "", "200"),
    ]
    assert all(set(line) == fields and line["message"] == "request" for line in lines), lines
    assert all(len(line["request_id"]) == 32 and line["method"] == "GET" for line in lines)
    assert all(line["bytes"] > 0 and line["duration_us"] > 0 for line in lines)
