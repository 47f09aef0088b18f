"""Writing a case study in the admin: structured fields, tags, filters, search."""

import pytest
from taggit.models import Tag

from casestudies.models import CaseStudy
from library.models import Resource, Theme
from library.models.resources import Kind, Status
from tests.factories import make_case_study, make_resource
from tests.publishing.admin_posts import add_url, case_study_fields, change_url, changelist_url

pytestmark = pytest.mark.django_db


def test_an_editor_writes_a_case_study_with_its_structured_fields(editor_client, editor):
    Tag.objects.create(name="election observation", slug="election-observation")
    existing = Tag.objects.get()
    theme = Theme.objects.get(slug="electoral-processes")
    related = make_resource(title="Observer handbook")
    data = case_study_fields(
        tags=[str(existing.pk)],
        new_tags="Election Observation, citizen monitoring",
        themes=[str(theme.pk)],
        related=[str(related.pk)],
        countries=["KE"],
        period_start="2019-01-01",
        period_end="2019-12-31",
    )
    response = editor_client.post(add_url("casestudy"), data)
    assert response.status_code == 302
    case = CaseStudy.objects.get()
    assert case.kind == Kind.CASE_STUDY and case.status == Status.DRAFT and case.created_by == editor
    assert (case.organisation, case.project_code) == ("Forum for Civic Action", "UDF-KE-19-001")
    assert case.approach == "Volunteers observed 300 polling stations."
    # "Election Observation" is the existing tag: tags are case-insensitive
    assert sorted(case.tags.names()) == ["citizen monitoring", "election observation"]
    assert list(case.themes.all()) == [theme] and list(case.related.all()) == [related]
    assert [c.code for c in case.countries.all()] == ["KE"]


def test_the_project_cannot_end_before_it_starts(editor_client):
    data = case_study_fields(period_start="2020-01-01", period_end="2019-01-01")
    response = editor_client.post(add_url("casestudy"), data)
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    assert not CaseStudy.objects.exists()


def test_the_form_offers_autocomplete_markdown_help_preview_and_slug_from_title(editor_client):
    content = editor_client.get(add_url("casestudy")).content.decode()
    for field in ("tags", "themes", "related", "countries"):
        assert f'name="{field}"' in content and "admin-autocomplete" in content
    assert "Markdown" in content
    assert 'name="_preview"' in content
    assert "data-prepopulated-fields" in content and "id_slug" in content


def test_tag_autocomplete_answers_staff(editor_client):
    Tag.objects.create(name="youth participation", slug="youth-participation")
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "library", "model_name": "taggedresource", "field_name": "tag", "term": "youth"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["youth participation"]


def test_related_resources_autocomplete_finds_every_kind(editor_client):
    make_resource(title="Observer handbook")
    make_case_study(title="Observers in Kenya")
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "casestudies", "model_name": "casestudy", "field_name": "related", "term": "Observer"},
    )
    assert sorted(r["text"] for r in response.json()["results"]) == [
        "Observer handbook",
        "Observers in Kenya",
    ]


def test_the_case_study_list_filters_by_state_theme_author_and_dates_and_searches(editor_client, editor):
    mine = make_case_study(title="Radio in Mali", status=Status.DRAFT, published_at=None, created_by=editor)
    make_case_study(title="Courts in Peru", project_code="UDF-PE-20-002")
    base = changelist_url("casestudy")
    assert mine.title in editor_client.get(base + "?state=draft").content.decode()
    assert "Courts in Peru" not in editor_client.get(base + "?state=draft").content.decode()
    assert "Courts in Peru" in editor_client.get(base + "?q=UDF-PE").content.decode()
    assert "Radio in Mali" not in editor_client.get(base + "?q=UDF-PE").content.decode()
    assert mine.title in editor_client.get(base + f"?created_by__id__exact={editor.pk}").content.decode()
    content = editor_client.get(base).content.decode()
    for filter_title in ("By state", "By themes", "By author", "By publication time", "By updated"):
        assert filter_title in content, filter_title


def test_the_resource_list_shows_every_kind_and_filters_by_kind(editor_client):
    make_case_study(title="Radio in Mali")
    make_resource(title="Ballot guide")
    content = editor_client.get(changelist_url() + "?kind__exact=case-study").content.decode()
    assert "Radio in Mali" in content and "Ballot guide" not in content


def test_a_case_study_opened_from_the_resource_list_is_edited_in_its_own_admin(editor_client):
    case = make_case_study()
    resource = Resource.objects.get(pk=case.pk)
    response = editor_client.get(f"/admin/library/resource/{resource.pk}/change/")
    assert response.status_code == 302 and response["Location"] == change_url(case)


def test_an_editor_submits_a_case_study_and_a_publisher_publishes_it(client, editor, publisher):
    case = make_case_study(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    assert client.post(change_url(case), case_study_fields(case, _transition="submit")).status_code == 302
    assert client.post(change_url(case), case_study_fields(case, _transition="publish")).status_code == 403
    client.force_login(publisher)
    assert client.post(change_url(case), case_study_fields(case, _transition="publish")).status_code == 302
    case.refresh_from_db()
    assert case.is_public
    assert client.get(case.get_absolute_url()).status_code == 200


def test_the_case_study_list_takes_the_same_number_of_queries_for_many_rows(editor_client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_case_study(created_by=editor)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(changelist_url("casestudy"))
    for _ in range(15):
        make_case_study(created_by=editor)
    with CaptureQueriesContext(connection) as many:
        editor_client.get(changelist_url("casestudy"))
    assert len(many) == len(few)
