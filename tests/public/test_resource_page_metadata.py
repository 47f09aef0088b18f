"""What a resource page tells crawlers and readers about itself: canonical, alternates, OpenGraph,
schema.org JSON-LD, its other language versions and the APA citation."""

import json
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from library.models.resources import Status
from tests.factories import make_case_study, make_file, make_resource, make_toolkit

pytestmark = pytest.mark.django_db


class HeadReader(HTMLParser):
    """Collects <link>, <meta> and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.meta, self.json_ld, self._in_json_ld = [], {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and "property" in attrs:
            self.meta[attrs["property"]] = attrs["content"]
        elif tag == "script":
            assert attrs.get("type") == "application/ld+json", "no executable inline script"
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_json_ld = False if tag == "script" else self._in_json_ld

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def read(response):
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


def test_it_names_its_canonical_address_and_its_address_in_each_language(client):
    make_resource(slug="voter-lists")

    page = read(client.get("/es/guides/voter-lists/?utm_source=mail"))

    canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
    assert canonical == ["http://testserver/es/guides/voter-lists/"]
    alternates = {link["hreflang"]: link["href"] for link in page.links if "hreflang" in link}
    assert alternates == {
        "en": "http://testserver/guides/voter-lists/",
        "fr": "http://testserver/fr/guides/voter-lists/",
        "es": "http://testserver/es/guides/voter-lists/",
        "ar": "http://testserver/ar/guides/voter-lists/",
        "x-default": "http://testserver/guides/voter-lists/",
    }


def test_it_describes_itself_for_link_previews(client):
    resource = make_resource(title="Counting the vote", summary="A guide to tallying.")

    page = read(client.get(resource.get_absolute_url()))

    assert page.meta["og:title"] == "Counting the vote"
    assert page.meta["og:description"] == "A guide to tallying."
    assert page.meta["og:type"] == "article"
    assert page.meta["og:url"] == f"http://testserver{resource.get_absolute_url()}"


def test_a_guide_is_an_article_in_json_ld(client):
    resource = make_resource(
        title="Counting </script> the vote",
        themes=["electoral-processes"],
        countries=["KE"],
        tags=["tally"],
        language="fr",
    )

    response = client.get(resource.get_absolute_url())
    (data,) = read(response).json_ld

    assert "Counting </script>" not in response.content.decode()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["name"] == "Counting </script> the vote"
    assert data["inLanguage"] == "fr"
    assert data["url"] == f"http://testserver{resource.get_absolute_url()}"
    assert data["about"] == [{"@type": "Thing", "name": "Electoral processes"}]
    assert data["spatialCoverage"] == [{"@type": "Country", "name": "Kenya"}]
    assert data["keywords"] == ["tally"]
    assert datetime.fromisoformat(data["datePublished"]) == resource.published_at


def test_a_toolkits_files_are_digital_documents(client):
    toolkit = make_toolkit()
    pdf = make_file(toolkit, title="Checklist", content=b"%PDF-1.4 twelve")

    (data,) = read(client.get(toolkit.get_absolute_url())).json_ld

    assert data["@type"] == "CreativeWork"
    assert data["hasPart"] == [
        {
            "@type": "DigitalDocument",
            "name": "Checklist",
            "url": f"http://testserver{pdf.get_absolute_url()}",
            "encodingFormat": "PDF",
            "contentSize": "15 B",
            "inLanguage": "en",
            "isAccessibleForFree": True,
        }
    ]


def test_a_case_study_names_its_organisation_as_author(client):
    case = make_case_study(organisation="Forum for Civic Action")

    (data,) = read(client.get(case.get_absolute_url())).json_ld

    assert data["author"] == {"@type": "Organization", "name": "Forum for Civic Action"}


def test_it_links_its_published_versions_in_other_languages(client):
    original = make_resource(title="Observing elections", language="en", slug="observing")
    french = make_resource(
        title="Observer les élections", language="fr", slug="observer", translation_of=original
    )
    make_resource(
        title="Observar", language="es", slug="observar", translation_of=original, status=Status.DRAFT
    )

    from_original = client.get(original.get_absolute_url())
    from_french = client.get(french.get_absolute_url())

    assert list(from_original.context["language_versions"]) == [french]
    assert list(from_french.context["language_versions"]) == [original]
    assert "Also available in" in from_original.content.decode()
    assert 'href="/guides/observer/" hreflang="fr"' in from_original.content.decode()
    assert "Observar" not in from_original.content.decode()
    (original_data,) = read(from_original).json_ld
    (french_data,) = read(from_french).json_ld
    assert original_data["workTranslation"] == [
        {"@type": "Article", "@id": "http://testserver/guides/observer/", "inLanguage": "fr"}
    ]
    assert french_data["translationOfWork"] == {
        "@type": "Article",
        "@id": "http://testserver/guides/observing/",
        "inLanguage": "en",
    }


def test_a_resource_without_other_versions_offers_none(client):
    resource = make_resource()

    assert "Also available in" not in client.get(resource.get_absolute_url()).content.decode()


def test_it_offers_an_apa_citation(client):
    resource = make_resource(
        title="Counting the vote", slug="counting", published_at=datetime(2019, 5, 1, 12, tzinfo=UTC)
    )

    response = client.get(resource.get_absolute_url())

    assert response.context["citation"] == (
        "Democracy resource library. (2019, May 1). <cite>Counting the vote</cite>. "
        "http://testserver/guides/counting/"
    )
    assert 'href="/guides/counting/cite.bib"' in response.content.decode()
    assert 'href="/guides/counting/cite.ris"' in response.content.decode()


def test_its_dates_follow_the_readers_language(client):
    resource = make_resource(slug="dated", published_at=datetime(2019, 5, 1, 12, tzinfo=UTC))

    assert "May 1, 2019" in client.get(resource.get_absolute_url()).content.decode()
    assert "1 mai 2019" in client.get("/fr/guides/dated/").content.decode()
    assert "1 de mayo de 2019" in client.get("/es/guides/dated/").content.decode()
