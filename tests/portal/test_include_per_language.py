"""`{% include_per_language %}` (portal_tags): the navigation, footer and stylesheet links are the
same on every page in a language, so each is rendered once per language and then reused."""

import pytest

from portal.templatetags import portal_tags
from tests.rendered import templates_rendered

pytestmark = pytest.mark.django_db

FOOTER = "includes/site_footer.html"


@pytest.fixture(autouse=True)
def nothing_kept_yet(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # each page is rendered here
    portal_tags._rendered.clear()
    yield
    portal_tags._rendered.clear()


def test_the_footer_is_rendered_once_per_language_and_the_same_everywhere(client):
    first = client.get("/library/")
    other_page = client.get("/themes/")
    french = client.get("/fr/themes/")

    assert FOOTER in templates_rendered(first)
    assert FOOTER not in templates_rendered(other_page)
    footer = first.content.decode().split('<footer class="site-footer">')[1]
    assert other_page.content.decode().split('<footer class="site-footer">')[1] == footer
    assert FOOTER in templates_rendered(french)
    assert 'href="/fr/library/"' in french.content.decode().split('<footer class="site-footer">')[1]


def test_the_kept_navigation_and_stylesheets_are_the_page_s_own(client):
    client.get("/library/")
    html = client.get("/es/library/").content.decode()

    assert 'href="/es/toolkits/"' in html and 'href="/toolkits/"' not in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert 'href="/es/feeds/latest/"' in html


def test_with_debug_on_an_edit_to_the_template_shows_at_once(client, settings):
    settings.DEBUG = True
    client.get("/library/")

    assert FOOTER in templates_rendered(client.get("/library/"))
