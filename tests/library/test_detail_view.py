from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from library.models.files import Access
from tests.factories import make_case_study, make_file, make_resource, make_toolkit

pytestmark = pytest.mark.django_db


def test_a_case_study_shows_its_structured_sections(client):
    case = make_case_study(
        title="Observers in Nairobi",
        organisation="Centre for Civic Action Kenya",
        project_code="UDF-KE-19-001",
        context="Violence followed the *last* election.",
        approach="Trained 300 observers.",
        results="Reports reached the commission.",
        lessons_learned="Start with local partners.",
        countries=["KE"],
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Centre for Civic Action Kenya" in page
    assert "UDF-KE-19-001" in page
    for heading in ["Context", "What was done", "Results", "Lessons learned"]:
        assert f'<h2 lang="en" dir="ltr">{heading}</h2>' in page
    assert "<em>last</em>" in page
    assert "Kenya" in page


def test_a_toolkit_lists_its_files_with_format_size_and_access(client):
    toolkit = make_toolkit(title="Observer kit")
    make_file(toolkit, title="Checklist", content=b"%PDF-1.4\n" + b"x" * 2048, name="checklist.pdf")
    make_file(toolkit, title="Trainer notes", access=Access.PARTNERS, name="notes.pdf")
    page = client.get(toolkit.get_absolute_url()).content.decode()
    assert "Checklist" in page and "Trainer notes" in page
    assert "PDF" in page
    assert "2.0\xa0KB" in page
    assert "Partners only" in page and "Free to download" in page


def test_markdown_body_is_rendered_and_sanitised(client):
    guide = make_resource(
        body="# Heading\n\nText with <script>alert(1)</script> and [a link](javascript:alert(1)) "
        "and <img src=x onerror=alert(1)> and [safe](https://example.org)."
    )
    page = client.get(guide.get_absolute_url()).content.decode()
    assert "<h2>Heading</h2>" in page
    assert "<script>alert(1)" not in page
    assert "javascript:" not in page
    assert "onerror" not in page
    assert 'href="https://example.org"' in page


def test_a_resource_links_its_published_related_resources_only(client):
    guide = make_resource()
    related_public = make_resource(title="A public neighbour")
    related_draft = make_resource(title="A draft neighbour", status="draft")
    guide.related.add(related_public, related_draft)
    page = client.get(guide.get_absolute_url()).content.decode()
    assert "A public neighbour" in page
    assert "A draft neighbour" not in page


def test_it_shows_the_six_newest_related_resources_and_every_language_version(client):
    guide = make_resource(language="en")
    now = timezone.now()
    neighbours = [make_resource(published_at=now - timedelta(days=days)) for days in range(1, 9)]
    french = make_resource(language="fr", translation_of=guide, published_at=now - timedelta(days=30))
    arabic = make_resource(language="ar", translation_of=guide)
    guide.related.add(*neighbours, french)
    context = client.get(guide.get_absolute_url()).context
    assert list(context["related"]) == neighbours[:6]
    assert list(context["language_versions"]) == [arabic, french]
    # one resource both related and a language version is listed in both places
    guide.related.remove(*neighbours[1:])
    context = client.get(guide.get_absolute_url()).context
    assert list(context["related"]) == [neighbours[0], french]
    assert list(context["language_versions"]) == [arabic, french]


def test_an_unknown_slug_or_segment_is_not_found(client):
    assert client.get("/guides/no-such-guide/").status_code == 404
    assert client.get("/pamphlets/anything/").status_code == 404


def test_detail_urls_follow_the_contract():
    assert make_toolkit(slug="kit").get_absolute_url() == "/toolkits/kit/"
    assert make_resource(slug="how").get_absolute_url() == "/guides/how/"
    assert make_case_study(slug="story").get_absolute_url() == "/case-studies/story/"
    assert reverse("library:list") == "/library/"
