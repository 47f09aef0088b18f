"""The page-weight measure that `make bench` reports (benchmarks/page_weight.py), applied to two pages.

Bytes, not time: the same pages always weigh the same, so a budget check is a fair test.
"""

import pytest

from benchmarks.page_weight import BUDGET_BYTES, page_weight, stylesheet_bytes
from tests.public.pages import make_sample_library

pytestmark = pytest.mark.django_db


def test_it_counts_every_stylesheet_the_page_links(client):
    html = client.get("/").content.decode()

    assert set(stylesheet_bytes(html)) == {"/static/css/site.css", "/static/css/print.css"}


@pytest.mark.parametrize("address", ["/library/", "/ar/library/"])
def test_a_full_library_page_stays_under_the_budget(client, settings, address):
    make_sample_library()

    html_gz, css_gz = page_weight(client.get(address).content.decode())

    assert html_gz > 1000
    assert html_gz + css_gz < BUDGET_BYTES
