"""library.client_address: the client's address, believed from X-Forwarded-For only behind our proxies."""

import pytest
from django.test import RequestFactory

from library.client_address import address_fingerprint, client_ip


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_it_ignores_forwarded_addresses_without_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("192.0.2.10", "203.0.113.5")) == "192.0.2.10"


def test_it_takes_the_address_our_proxy_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # the client forged the first entry; our proxy appended the real one last
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 203.0.113.5")) == "203.0.113.5"


def test_it_counts_back_past_each_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.1")) == "203.0.113.5"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", " , "])
def test_it_falls_back_to_the_peer_when_the_header_is_missing_or_junk(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", forwarded)) == "10.0.0.2"


def test_it_fingerprints_an_address_per_day_without_showing_it(settings):
    from datetime import date

    settings.TRUSTED_PROXY_COUNT = 0
    monday = address_fingerprint(request_from("192.0.2.10"), day=date(2026, 1, 5))
    assert monday == address_fingerprint(request_from("192.0.2.10"), day=date(2026, 1, 5))
    assert monday != address_fingerprint(request_from("192.0.2.10"), day=date(2026, 1, 6))
    assert monday != address_fingerprint(request_from("192.0.2.11"), day=date(2026, 1, 5))
    assert "192" not in monday and len(monday) == 64
