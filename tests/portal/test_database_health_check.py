"""The PostgreSQL connection's per-request health check (portal/postgresql): a connection the server
dropped is replaced before the request's first query, and one in good order is kept without a
word to the server. libpq's own trace of the wire shows what was sent."""

import time

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.test import Client

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        # not a missing backend: the PostgreSQL run of the suite (CI runs both) covers this
        pytest.skip("the health check is PostgreSQL's (DATABASE_URL=postgres://...); SQLite has no server")
    assert connection.settings_dict["ENGINE"] == "portal.postgresql"
    assert connection.health_check_enabled


def backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def a_new_request_begins():
    close_old_connections()  # what Django does on request_started


def terminate(pid):
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or None, port=settings["PORT"] or None, user=settings["USER"] or None,
        password=settings["PASSWORD"] or None, dbname=settings["NAME"], autocommit=True,
    ) as other:  # fmt: skip
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 10
    while connection.is_quiet_and_idle():
        assert time.monotonic() < deadline, "the server's goodbye never reached the socket"
        time.sleep(0.01)


def test_a_connection_the_server_dropped_is_replaced_before_the_first_query():
    dropped = backend_pid()
    terminate(dropped)
    a_new_request_begins()

    response = Client().get("/healthz")

    assert response.status_code == 200
    assert backend_pid() != dropped


def test_a_connection_in_good_order_is_kept_and_checked_without_a_round_trip(tmp_path):
    kept = backend_pid()
    a_new_request_begins()
    trace = tmp_path / "libpq.trace"
    with trace.open("w") as trace_file:
        connection.connection.pgconn.trace(trace_file.fileno())
        try:
            connection.close_if_health_check_failed()
        finally:
            connection.connection.pgconn.untrace()

    assert connection.health_check_done
    assert trace.read_text() == ""  # Django's own check would have sent a SELECT 1 here
    assert backend_pid() == kept


def test_the_trace_sees_a_query_so_an_empty_trace_means_none_was_sent(tmp_path):
    trace = tmp_path / "libpq.trace"
    with trace.open("w") as trace_file:
        connection.ensure_connection()
        connection.connection.pgconn.trace(trace_file.fileno())
        try:
            connection.connection.execute("SELECT 1")
        finally:
            connection.connection.pgconn.untrace()

    assert "SELECT 1" in trace.read_text()
