"""/api/v1/resources/<slug>/ and /api/v1/themes/: what the public page shows, no more."""

import pytest

from library.models.files import Access
from tests.api.helpers import json_of
from tests.factories import make_case_study, make_file, make_resource, make_toolkit

pytestmark = pytest.mark.django_db


def test_a_toolkit_with_everything_its_page_shows(client):
    toolkit = make_toolkit(
        title="Observer kit",
        slug="observer-kit",
        body="## Use\n\nRead *this*.",
        themes=["electoral-processes"],
        countries=["KE", "UG"],
        tags=["election observation"],
        licence="CC-BY-SA-4.0",
    )
    public = make_file(toolkit, title="Checklist", content=b"%PDF-1.4 public words", name="checklist.pdf")
    partner = make_file(
        toolkit,
        title="Partner forms",
        content=b"%PDF-1.4 secret words",
        name="forms.pdf",
        access=Access.PARTNERS,
    )
    partner.text = "the secret words of the partner file"
    partner.save()
    translation = make_resource(
        title="Kit d'observation", slug="kit-observation", language="fr", translation_of=toolkit
    )
    related = make_resource(title="Related guide", slug="related-guide")
    toolkit.related.add(related)

    data = json_of(client.get("/api/v1/resources/observer-kit/"))

    assert data["title"] == "Observer kit"
    assert data["body"] == "## Use\n\nRead *this*."
    assert "<em>this</em>" in data["body_html"]
    assert data["licence"] == {
        "code": "CC-BY-SA-4.0",
        "name": "Creative Commons Attribution-ShareAlike 4.0",
        "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    }
    assert data["countries"] == ["KE", "UG"]
    files = {file["title"]: file for file in data["files"]}
    assert files["Checklist"] == {
        "id": str(public.uuid),
        "title": "Checklist",
        "language": "en",
        "format": "PDF",
        "media_type": "application/pdf",
        "size": len(b"%PDF-1.4 public words"),
        "sha256": public.sha256,
        "access": "public",
        "download_url": f"http://testserver/downloads/{public.uuid}/",
    }
    assert files["Partner forms"]["access"] == "partners"
    assert files["Partner forms"]["download_url"] == f"http://testserver/downloads/{partner.uuid}/"
    assert "secret words" not in json_of(client.get("/api/v1/resources/observer-kit/")).__repr__()
    assert [v["slug"] for v in data["language_versions"]] == [translation.slug]
    assert [r["slug"] for r in data["related"]] == ["related-guide"]
    assert data["details"] == {}
    assert data["cover"] is None


def test_a_case_study_carries_its_own_fields(client):
    make_case_study(slug="radio-case", organisation="Radio Forum", project_code="UDF-NP-20-002")

    details = json_of(client.get("/api/v1/resources/radio-case/"))["details"]

    assert details["organisation"] == "Radio Forum"
    assert details["project_code"] == "UDF-NP-20-002"
    assert details["lessons_learned"] == "Start with the people most affected."
    assert details["period_start"] is None


def test_an_unknown_slug_is_a_json_404(client, db):
    response = client.get("/api/v1/resources/nothing-here/")

    assert response.status_code == 404
    assert json_of(response)["error"]["status"] == 404


def test_the_detail_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    toolkit = make_toolkit(slug="kit", themes=["electoral-processes"], tags=["a", "b"], countries=["KE"])
    for number in range(5):
        make_file(toolkit, title=f"File {number}")
    with django_assert_max_num_queries(12):
        assert client.get("/api/v1/resources/kit/").status_code == 200


def test_themes_with_their_counts_of_public_resources(client):
    make_resource(themes=["electoral-processes"])
    make_resource(themes=["electoral-processes"], status="draft")

    themes = {theme["slug"]: theme for theme in json_of(client.get("/api/v1/themes/"))}

    assert len(themes) == 8
    assert themes["electoral-processes"]["resource_count"] == 1
    assert themes["electoral-processes"]["name"] == "Electoral processes"
    assert themes["electoral-processes"]["resources_url"].endswith(
        "/api/v1/resources/?theme=electoral-processes"
    )
    assert client.get("/api/v1/themes/?x=1").status_code == 400
