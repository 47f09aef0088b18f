"""/sitemap.xml: published resources, themes and the fixed pages, each in every language."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from library.models.resources import Status
from tests.factories import make_case_study, make_resource

pytestmark = pytest.mark.django_db
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own response


def sitemap(client):
    """Every <url> of every sitemap that the index at /sitemap.xml lists, by address."""
    index = parse(client.get("/sitemap.xml"))
    assert index.tag == f"{SM}sitemapindex"
    urls = {}
    for location in index.iter(f"{SM}loc"):
        section = parse(client.get(location.text.removeprefix("http://testserver")))
        urls.update({url.findtext(f"{SM}loc"): url for url in section.findall(f"{SM}url")})
    return urls


def test_it_lists_published_resources_only(client):
    public = make_resource(slug="public-guide")
    case = make_case_study(slug="public-case")
    make_resource(slug="draft-guide", status=Status.DRAFT)
    make_resource(slug="archived-guide", status=Status.ARCHIVED)
    make_resource(slug="scheduled-guide", published_at=timezone.now() + timedelta(days=1))

    locations = sitemap(client)

    assert f"http://testserver{public.get_absolute_url()}" in locations
    assert f"http://testserver/fr{case.get_absolute_url()}" in locations
    assert not [loc for loc in locations if "draft" in loc or "archived" in loc or "scheduled" in loc]


def test_it_lists_themes_and_fixed_pages_but_no_tag_pages(client):
    make_resource(tags=["election observation"])

    locations = sitemap(client)

    assert "http://testserver/" in locations
    assert "http://testserver/ar/library/" in locations
    assert "http://testserver/es/themes/electoral-processes/" in locations
    assert not [loc for loc in locations if "/tags/" in loc]


def test_each_address_names_its_versions_in_the_other_languages(client):
    resource = make_resource(slug="multilingual")

    entry = sitemap(client)[f"http://testserver{resource.get_absolute_url()}"]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}

    assert alternates == {
        "en": "http://testserver/guides/multilingual/",
        "fr": "http://testserver/fr/guides/multilingual/",
        "es": "http://testserver/es/guides/multilingual/",
        "ar": "http://testserver/ar/guides/multilingual/",
        "x-default": "http://testserver/guides/multilingual/",
    }


def test_a_large_library_is_split_into_pages_that_the_index_lists(client, settings):
    from library.sitemaps import ResourceSitemap

    make_resource(slug="one")
    make_resource(slug="two")
    ResourceSitemap.limit = 1
    try:
        locations = sitemap(client)
    finally:
        ResourceSitemap.limit = 5000

    assert "http://testserver/guides/one/" in locations
    assert "http://testserver/guides/two/" in locations
