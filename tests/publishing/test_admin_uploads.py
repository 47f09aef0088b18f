"""Uploading through the admin: files and covers are checked by content, recorded, or refused whole."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from library.models import Resource, ResourceFile
from library.models.resources import Status
from tests.factories import make_resource
from tests.publishing import sample_files as sample
from tests.publishing.admin_posts import add_url, change_url, resource_fields

pytestmark = pytest.mark.django_db


def with_file(data, name, content, title="The checklist"):
    data.update(
        {
            "files-TOTAL_FORMS": "1",
            "files-0-title": title,
            "files-0-file": SimpleUploadedFile(name, content, content_type="application/octet-stream"),
            "files-0-language": "en",
            "files-0-access": "public",
            "files-0-position": "0",
        }
    )
    return data


def test_an_uploaded_file_is_stored_under_a_safe_name_with_its_size_and_sha256(editor_client):
    content = sample.docx()
    response = editor_client.post(add_url(), with_file(resource_fields(), "Lessons (final!!).DOCX", content))
    assert response.status_code == 302
    stored = ResourceFile.objects.get()
    assert stored.size == len(content)
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    assert stored.format == "DOCX"
    assert stored.file.name.startswith("files/") and stored.file.name.endswith("/lessons-final.docx")
    with stored.file.open("rb") as handle:
        assert handle.read() == content


def test_a_disguised_upload_is_refused_with_its_reason_and_nothing_is_saved(editor_client):
    response = editor_client.post(
        add_url(), with_file(resource_fields(), "report.pdf", sample.windows_program())
    )
    assert response.status_code == 200
    assert "This file is a program" in response.content.decode()
    assert not Resource.objects.exists() and not ResourceFile.objects.exists()


def test_an_archive_that_cannot_be_read_is_refused_as_damaged_not_a_server_error(editor_client):
    response = editor_client.post(
        add_url(), with_file(resource_fields(), "radio.odt", sample.odt_unreadable("encrypted"))
    )
    assert response.status_code == 200
    assert "This ZIP file is damaged and cannot be opened." in response.content.decode()
    assert not ResourceFile.objects.exists()


def test_a_png_html_polyglot_is_refused_in_the_admin(editor_client):
    response = editor_client.post(
        add_url(), with_file(resource_fields(), "map.png", sample.png_html_polyglot())
    )
    assert response.status_code == 200
    assert "script" in response.content.decode()
    assert not ResourceFile.objects.exists()


def test_an_oversized_upload_is_cut_off_by_the_handler_and_refused_with_the_limit(editor_client, settings):
    settings.UPLOAD_MAX_BYTES = 2048
    big = sample.pdf(text="x" * 5000)
    response = editor_client.post(add_url(), with_file(resource_fields(), "big.pdf", big))
    assert response.status_code == 200
    assert "larger than the limit of 2.0\xa0KB" in response.content.decode()
    assert not Resource.objects.exists() and not ResourceFile.objects.exists()


def test_a_bad_file_on_an_existing_resource_leaves_the_resource_as_it_was(editor_client):
    draft = make_resource(status=Status.DRAFT, published_at=None, title="Unchanged")
    data = with_file(resource_fields(draft, title="Changed"), "photo.png", sample.SCRIPT)
    response = editor_client.post(change_url(draft), data)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.title == "Unchanged" and not draft.files.exists()


def test_a_cover_image_is_reencoded_and_scaled(editor_client, settings):
    settings.UPLOAD_IMAGE_MAX_SIDE = 600
    cover = SimpleUploadedFile("Cover Photo.jpeg", sample.image("JPEG", size=(1800, 1200)))
    data = resource_fields(cover=cover, cover_alt="Voters queueing at a polling station")
    assert editor_client.post(add_url(), data).status_code == 302
    resource = Resource.objects.get()
    assert resource.cover.name.endswith("cover-photo.jpg")
    with resource.cover.open("rb"), Image.open(resource.cover) as stored:
        assert stored.size == (600, 400)


def test_a_cover_needs_its_description(editor_client):
    data = resource_fields(cover=SimpleUploadedFile("cover.png", sample.image()), cover_alt="")
    response = editor_client.post(add_url(), data)
    assert response.status_code == 200
    assert "Describe the cover image" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_cover_must_be_an_image(editor_client):
    data = resource_fields(cover=SimpleUploadedFile("cover.pdf", sample.pdf()), cover_alt="A cover")
    response = editor_client.post(add_url(), data)
    assert response.status_code == 200
    assert "not accepted here" in response.content.decode()


def test_an_svg_cover_is_refused(editor_client):
    data = resource_fields(
        cover=SimpleUploadedFile("cover.svg", sample.svg_with_script()), cover_alt="A cover"
    )
    response = editor_client.post(add_url(), data)
    assert "SVG" in response.content.decode() and not Resource.objects.exists()


def test_a_file_served_for_download_is_an_attachment_with_nosniff(client):
    from tests.factories import make_file

    resource_file = make_file(make_resource(), content=sample.pdf(), name="checklist.pdf")
    response = client.get(resource_file.get_absolute_url())
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == sample.pdf()


def test_replacing_a_file_records_the_new_size_and_sha256(editor_client):
    from tests.factories import make_file

    draft = make_resource(status=Status.DRAFT, published_at=None)
    old = make_file(draft, content=sample.pdf(text="First edition"), name="guide.pdf")
    new_content = sample.pdf(text="Second edition, longer")
    data = resource_fields(draft)
    data["files-0-file"] = SimpleUploadedFile("guide.pdf", new_content)
    data["files-0-change_notes"] = "A longer second edition."
    assert editor_client.post(change_url(draft), data).status_code == 302
    old.refresh_from_db()
    assert old.sha256 == hashlib.sha256(new_content).hexdigest() and old.size == len(new_content)
