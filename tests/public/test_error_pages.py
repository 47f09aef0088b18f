"""404, 403 and 500 pages: friendly, in the reader's language, with the site around them, never a detail."""

import pytest
from django.test import Client

from library.models import ResourceFile
from tests.factories import make_file, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.public.failing_urls"
    return Client(raise_request_exception=False)


def test_a_missing_page_is_a_friendly_404_with_the_site_around_it(client):
    response = client.get("/no-such-page/?secret=<b>x</b>")

    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html
    assert "<b>x</b>" not in html


def test_the_404_page_speaks_the_language_of_its_address(client):
    response = client.get("/ar/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_the_403_page_names_no_internals(client, visitor):
    partner_file = make_file(make_resource(), access="partners")
    client.force_login(visitor)

    response = client.get(partner_file.get_absolute_url())

    assert response.status_code == 403
    assert str(ResourceFile.objects.get().file.name) not in response.content.decode()


def test_a_failure_is_a_friendly_500_without_details(failing_site):
    response = failing_site.get("/fail/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Server error</h1>" in html
    assert 'class="site-header"' in html
    assert "hunter2" not in html
    assert "SecretFailure" not in html
    assert "Traceback" not in html


def test_the_500_page_speaks_the_language_of_its_address(failing_site):
    response = failing_site.get("/fr/fail/")

    assert response.status_code == 500
    assert '<html lang="fr" dir="ltr">' in response.content.decode()


def test_the_500_page_falls_back_to_a_plain_page_when_the_site_itself_is_broken(failing_site, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False}]

    response = failing_site.get("/fail/")

    assert response.status_code == 500
    assert "<h1>Server error</h1>" in response.content.decode()


def test_error_pages_ask_not_to_be_indexed_and_name_no_canonical_address(client):
    html = client.get("/fr/no-such-page/").content.decode()

    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html
    assert "hreflang" not in html.split("</head>")[0]
