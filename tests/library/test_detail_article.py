"""A resource page's <article> (library.views.public_detail_page): an anonymous reader's is the
same for everyone, so it is rendered once per public state, language and site address; a
signed-in reader's says which files they may download, so theirs is always rendered afresh."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from library.models.files import Access
from tests.factories import make_file, make_partner, make_toolkit
from tests.publishing import sample_files as sample
from tests.rendered import templates_rendered

pytestmark = pytest.mark.django_db

ARTICLE = "library/resource_article.html"
PARTNERS_ONLY_NOTE = "sign in as a partner to download"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # the page itself is rendered on every request here


@pytest.fixture
def toolkit():
    toolkit = make_toolkit(slug="kit", title="Election toolkit")
    make_file(toolkit, title="Observer checklist", access=Access.PARTNERS)
    return toolkit


def test_a_second_anonymous_reader_gets_the_article_without_rendering_it(client, toolkit):
    first = client.get(toolkit.get_absolute_url())
    again = client.get(toolkit.get_absolute_url())

    assert ARTICLE in templates_rendered(first)
    assert ARTICLE not in templates_rendered(again)
    assert "base.html" in templates_rendered(again), (
        "the page around the article is still rendered per request"
    )
    assert again.content == first.content


def test_a_partner_never_gets_the_anonymous_article_nor_leaves_theirs_behind(client, toolkit):
    anonymous = client.get(toolkit.get_absolute_url()).content.decode()
    client.force_login(make_partner())
    partner = client.get(toolkit.get_absolute_url())
    client.logout()
    anonymous_again = client.get(toolkit.get_absolute_url()).content.decode()

    assert ARTICLE in templates_rendered(partner)
    assert PARTNERS_ONLY_NOTE in anonymous
    assert PARTNERS_ONLY_NOTE not in partner.content.decode()
    assert "download>Observer checklist</a>" in partner.content.decode()
    assert anonymous_again == anonymous


def test_an_edit_shows_at_once(client, toolkit):
    client.get(toolkit.get_absolute_url())
    toolkit.body = "A **new** opening paragraph."
    toolkit.save()

    assert (
        "A <strong>new</strong> opening paragraph." in client.get(toolkit.get_absolute_url()).content.decode()
    )


def test_each_language_has_its_own_article(client, toolkit):
    english = client.get(toolkit.get_absolute_url()).content.decode()
    french = client.get(f"/fr{toolkit.get_absolute_url()}").content.decode()

    assert "Cite this resource" in english
    assert "Cite this resource" not in french
    assert 'href="/fr/toolkits/kit/cite.bib"' in french


def test_each_site_address_has_its_own_article(client, toolkit, settings):
    settings.ALLOWED_HOSTS = ["testserver", "library.example.org"]
    client.get(toolkit.get_absolute_url())
    other = client.get(toolkit.get_absolute_url(), HTTP_HOST="library.example.org").content.decode()

    assert "http://library.example.org/toolkits/kit/" in other
    assert "http://testserver/" not in other


def test_a_file_update_stops_being_announced_when_it_ages_out_without_any_change(client):
    toolkit = make_toolkit(slug="kit", title="Election toolkit")
    resource_file = make_file(toolkit, content=sample.pdf(text="One"), name="kit.pdf")
    resource_file.file.save("kit.pdf", ContentFile(sample.pdf(text="Two")), save=False)
    resource_file.change_notes = "Updated for the new electoral law."
    resource_file.save()
    announced = "Updated for the new electoral law."

    assert announced in client.get(toolkit.get_absolute_url()).content.decode().split("Earlier versions")[0]
    later = timezone.now() + timedelta(days=settings.FILE_VERSION_RECENT_DAYS, hours=1)
    with time_machine.travel(later):
        page = client.get(toolkit.get_absolute_url()).content.decode()

    assert announced not in page.split("Earlier versions")[0]
    assert "Earlier versions" in page
