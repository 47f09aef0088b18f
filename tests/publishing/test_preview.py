"""/preview/<id>/: staff see any resource as it will look; everyone else gets 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from library.models.resources import Status
from tests.factories import make_case_study, make_resource, make_staff

pytestmark = pytest.mark.django_db


def preview_url(resource):
    return reverse("library:preview", args=[resource.pk])


@pytest.fixture
def draft():
    return make_resource(status=Status.DRAFT, published_at=None, title="A draft guide", body="**Bold** words")


def test_the_public_gets_404_for_a_preview(client, draft):
    assert client.get(preview_url(draft)).status_code == 404


def test_a_signed_in_reader_gets_404_for_a_preview(client, visitor, draft):
    client.force_login(visitor)
    assert client.get(preview_url(draft)).status_code == 404


def test_staff_without_a_role_get_404_for_a_preview(client, staff, draft):
    client.force_login(staff)
    assert client.get(preview_url(draft)).status_code == 404


def test_the_public_page_of_a_draft_is_404(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("state", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED, "scheduled"])
def test_an_editor_previews_a_resource_in_any_state(editor_client, state):
    if state == "scheduled":
        resource = make_resource(published_at=timezone.now() + timedelta(days=1))
    else:
        resource = make_resource(status=state)
    response = editor_client.get(preview_url(resource))
    assert response.status_code == 200
    assert resource.title in response.content.decode()


def test_the_preview_renders_the_page_as_readers_will_see_it(editor_client, draft):
    response = editor_client.get(preview_url(draft))
    names = [template.name for template in response.templates]
    assert names[0] == "library/resource_article.html" and "library/resource_detail.html" in names
    assert "<strong>Bold</strong> words" in response.content.decode()
    assert "not public" in response.content.decode()


def test_a_case_study_preview_shows_its_structured_sections(editor_client):
    case = make_case_study(status=Status.DRAFT, published_at=None, results="Turnout *rose*.")
    response = editor_client.get(preview_url(case))
    content = response.content.decode()
    names = [template.name for template in response.templates]
    assert names[0] == "casestudies/casestudy_article.html" and "library/resource_detail.html" in names
    assert "Turnout <em>rose</em>." in content and "Forum for Civic Action" in content


def test_a_preview_is_never_cached_nor_indexed(editor_client, draft):
    response = editor_client.get(preview_url(draft))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_publisher_previews_too(client, draft):
    from library.roles import PUBLISHERS

    client.force_login(make_staff("pub", PUBLISHERS))
    assert client.get(preview_url(draft)).status_code == 200


def test_a_preview_of_a_missing_resource_is_404(editor_client):
    assert editor_client.get("/preview/999999/").status_code == 404


def test_the_preview_shows_the_citation_and_the_other_languages_as_the_public_page_will(editor_client):
    original = make_resource(title="Recruiting election observers", language="en")
    version = make_resource(
        title="Recruter des observateurs", language="fr", status=Status.DRAFT, published_at=None
    )
    version.translation_of = original
    version.save()
    html = editor_client.get(preview_url(version)).content.decode()
    assert "Also available in" in html
    assert f'href="{original.get_absolute_url()}"' in html
    assert 'class="cite__apa"' in html
