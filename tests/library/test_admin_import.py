import json
import os
import time
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from library.models import Resource
from tests.factories import make_case_study, make_resource, make_toolkit, make_user
from tests.library.importing_helpers import a_case_study_record, a_record

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/library/resource/import/"


def upload(client, *lines, name="resources.jsonl", url=IMPORT_URL):
    content = b"".join(
        (line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n" for line in lines
    )
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_the_resource_list_links_to_the_import_form_and_keeps_its_other_tools(admin_client):
    response = admin_client.get("/admin/library/resource/")
    assert response.status_code == 200
    assert f'href="{IMPORT_URL}"'.encode() in response.content
    assert b'href="/admin/library/resource/recover/"' in response.content


def test_the_import_form_asks_for_a_file(admin_client):
    response = admin_client.get(IMPORT_URL)
    assert response.status_code == 200
    assert b'type="file"' in response.content and b'for="id_file"' in response.content


def test_uploading_shows_a_preview_per_line_and_writes_nothing(admin_client):
    make_resource(slug="how-to-observe-an-election", kind="guide", title="Old title")
    make_case_study(
        slug="women-candidates-in-kenya",
        title="Women candidates in Kenya",
        summary=("Plan, recruit and deploy citizen observers."),
        body="## Before election day\n\nRecruit early.",
        tags=["election observation", "voter education"],
        themes=["electoral-processes"],
        countries=["KE"],
        published_at=a_record_time(),
        lessons_learned="Start early.",
    )
    response = upload(
        admin_client,
        a_record(),
        a_case_study_record(),
        a_record(slug="new-one"),
        a_record(slug="bad", themes=["gardening"]),
    )
    assert response.status_code == 200
    report = response.context["report"]
    assert dict(report.counts) == {"created": 1, "updated": 1, "unchanged": 1, "rejected": 1}
    assert [(o.line, o.action, o.slug) for o in report.outcomes] == [
        (1, "updated", "how-to-observe-an-election"),
        (2, "unchanged", "women-candidates-in-kenya"),
        (3, "created", "new-one"),
        (4, "rejected", "bad"),
    ]
    assert "unknown themes: gardening" in response.content.decode()
    assert b'name="apply"' in response.content
    assert Resource.objects.get(slug="how-to-observe-an-election").title == "Old title"
    assert not Resource.objects.filter(slug="new-one").exists()


def a_record_time():
    return datetime(2019, 5, 1, tzinfo=UTC)


def test_applying_the_preview_loads_the_file_and_forgets_it(admin_client):
    upload(admin_client, a_record(), a_record(slug="bad", countries=["XX"]))
    stored = admin_client.session["library_import_upload"]["path"]
    assert default_storage.exists(stored)
    response = admin_client.post(IMPORT_URL, {"apply": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/library/resource/"
    assert "created 1, updated 0, unchanged 0, rejected 1" in response.content.decode()
    assert list(Resource.objects.values_list("slug", flat=True)) == ["how-to-observe-an-election"]
    assert not default_storage.exists(stored)
    assert "library_import_upload" not in admin_client.session


def test_applying_without_a_preview_writes_nothing(admin_client):
    response = admin_client.post(IMPORT_URL, {"apply": "1"}, follow=True)
    assert "no previewed file" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_csv_upload_is_previewed_too(admin_client):
    content = b"kind,title,summary,tags\nguide,A guide,Short.,one;two\n"
    response = admin_client.post(IMPORT_URL, {"file": SimpleUploadedFile("list.csv", content)})
    assert dict(response.context["report"].counts) == {"created": 1}


def test_a_file_that_is_not_the_format_is_reported_not_a_server_error(admin_client):
    response = upload(admin_client, b"\xff\xfe garbage", name="garbage.bin")
    assert response.status_code == 200
    assert response.context["report"].rejected == 1


def test_values_that_cannot_be_shown_as_they_are_are_escaped_and_shortened_in_the_preview(admin_client):
    response = upload(
        admin_client,
        b'{"kind": "guide", "title": "T", "summary": "S", "slug": "a\\ud800b"}',
        b'{"kind": "guide", "title": "T", "summary": "S", "slug": "c", "\\udfff": 1}',
        a_record(slug="d", kind="k" * 10_000),
    )
    assert response.status_code == 200
    rows = [(o.line, o.action, o.slug) for o in response.context["report"].outcomes]
    assert rows == [(1, "rejected", "a\\ud800b"), (2, "rejected", "c"), (3, "rejected", "d")]
    assert "unknown fields: \\udfff" in response.content.decode()
    too_long_kind = response.context["report"].outcomes[2].reason
    assert too_long_kind.endswith(f"not '{'k' * 40}…'"), too_long_kind


def test_an_applied_import_names_its_author_and_keeps_a_revision_of_each_update(admin_client, admin_user):
    existing = make_resource(slug="how-to-observe-an-election", title="Old title")
    upload(admin_client, a_record(), a_record(slug="new-one"))
    admin_client.post(IMPORT_URL, {"apply": "1"})
    assert Resource.objects.get(slug="new-one").created_by == admin_user
    updated = Resource.objects.get(pk=existing.pk)
    assert (updated.title, updated.updated_by) == ("How to observe an election", admin_user)
    latest = Version.objects.get_for_object(updated).first()
    assert latest.revision.comment == "Updated by an import"
    assert latest.revision.user == admin_user
    assert latest.field_dict["title"] == "How to observe an election"


def test_an_editor_who_may_not_publish_cannot_import(client):
    editor = make_user("editor", is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_resource", "add_resource", "change_resource"])
    )
    client.force_login(editor)
    assert client.get(IMPORT_URL).status_code == 403


def test_staff_without_permission_to_add_and_change_cannot_import(client):
    clerk = make_user("clerk", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_resource"))
    client.force_login(clerk)
    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, {"apply": "1"}).status_code == 403


def test_case_studies_have_the_import_form_too(admin_client):
    response = upload(admin_client, a_case_study_record(), url="/admin/casestudies/casestudy/import/")
    assert dict(response.context["report"].counts) == {"created": 1}


def test_export_selected_downloads_those_resources_as_json_lines(admin_client):
    chosen = make_toolkit(slug="chosen", status="draft")
    make_toolkit(slug="not-chosen")
    response = admin_client.post(
        "/admin/library/resource/",
        {
            "action": "export_selected",
            "_selected_action": [chosen.pk],
            "index": 0,
        },
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="resources.jsonl"'
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert [json.loads(line)["slug"] for line in lines] == ["chosen"]


def test_an_upload_whose_preview_was_never_applied_is_removed_after_a_day(admin_client, media_root):
    stale = media_root / "imports" / "0123abcd" / "forgotten.jsonl"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"{}\n")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    upload(admin_client, a_record())
    assert not stale.exists()
    assert default_storage.exists(admin_client.session["library_import_upload"]["path"])
