"""Every response carries a request id: the proxy's when it is sane, else a new one."""

import logging
import re

import pytest

from portal.observability import RequestIdFilter

pytestmark = pytest.mark.django_db


def test_it_gives_each_response_a_new_request_id(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_it_keeps_the_request_id_the_proxy_sent(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a-42")["X-Request-ID"] == "lb-7f3a-42"


@pytest.mark.parametrize("insane", ["", "has space", "x" * 200, "<script>", "a\u00e9b", "-starts-with-dash"])
def test_it_replaces_a_request_id_that_is_not_sane(client, insane):
    answered = client.get("/healthz", HTTP_X_REQUEST_ID=insane)["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", answered)


class Kept(logging.Handler):
    def __init__(self):
        super().__init__()
        self.addFilter(RequestIdFilter())
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def request_log():
    handler = Kept()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


def test_log_records_written_during_a_request_carry_its_id(client, request_log):
    client.get("/library/?year_from=soon", HTTP_X_REQUEST_ID="trace-400")
    (record,) = request_log
    assert record.request_id == "trace-400"


def test_log_records_written_outside_requests_carry_a_dash(client, request_log):
    client.get("/healthz")
    logging.getLogger("django.request").warning("between requests")
    assert request_log[-1].request_id == "-"
