"""The file list on a resource page tells each person which files are open to them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models.files import Access
from tests.factories import make_file, make_toolkit

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit():
    toolkit = make_toolkit(slug="kit")
    make_file(toolkit, title="Open checklist", access=Access.PUBLIC)
    make_file(toolkit, title="Partner handbook", access=Access.PARTNERS)
    return toolkit


def link_to(page, resource_file):
    start = page.index(f'href="{resource_file.get_absolute_url()}"')
    return page[start : page.index(">", start)]


def test_anonymous_people_are_told_to_sign_in_and_get_a_plain_link_to_partner_files(client, toolkit):
    public, partners_only = toolkit.files.all()
    page = client.get(toolkit.get_absolute_url()).content.decode()
    assert link_to(page, public).endswith(" download")
    # a `download` link would save the sign-in page as a file instead of showing it
    assert not link_to(page, partners_only).endswith(" download")
    assert "sign in as a partner to download" in page


def test_a_visitor_sees_partner_files_closed(client, visitor, toolkit):
    client.force_login(visitor)
    assert "closed to you" in client.get(toolkit.get_absolute_url()).content.decode()


def test_a_partner_gets_download_links_for_every_file(client, partner, toolkit):
    client.force_login(partner)
    page = client.get(toolkit.get_absolute_url()).content.decode()
    assert all(link_to(page, f).endswith(" download") for f in toolkit.files.all())
    assert "closed to you" not in page and "sign in as a partner" not in page


def test_the_page_asks_no_more_queries_for_more_files(client, partner, toolkit):
    client.force_login(partner)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(toolkit.get_absolute_url()).status_code == 200
        return len(captured)

    few = queries()
    for number in range(4):
        make_file(toolkit, title=f"Extra {number}", access=[Access.PUBLIC, Access.PARTNERS][number % 2])
    assert queries() == few
