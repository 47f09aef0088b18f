"""Text of uploaded PDF files, recorded on the file for search; damaged or encrypted files are
recorded as such and never stop the upload."""

import pytest

from library.models.files import TextStatus
from tests.factories import make_file, make_toolkit
from tests.pdfs import encrypted_pdf, pdf_with_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit():
    return make_toolkit(title="Pack")


def test_it_records_the_text_of_a_pdf(toolkit):
    resource_file = make_file(toolkit, content=pdf_with_text("Election observation", "participación"))
    resource_file.refresh_from_db()
    assert resource_file.text_status == TextStatus.EXTRACTED
    assert resource_file.text.split() == ["Election", "observation", "participación"]


def test_it_records_a_damaged_pdf_as_damaged(toolkit, client):
    resource_file = make_file(toolkit, content=b"%PDF-1.7\nthis is not really a PDF\x00\xff")
    resource_file.refresh_from_db()
    assert (resource_file.text, resource_file.text_status) == ("", TextStatus.BROKEN)
    assert resource_file.sha256  # the upload itself went through
    assert client.get("/library/?q=pack").status_code == 200


def test_it_records_an_encrypted_pdf_as_encrypted(toolkit):
    resource_file = make_file(toolkit, content=encrypted_pdf("Secret words"))
    resource_file.refresh_from_db()
    assert (resource_file.text, resource_file.text_status) == ("", TextStatus.ENCRYPTED)


def test_it_records_a_pdf_without_text_as_empty(toolkit):
    resource_file = make_file(toolkit, content=pdf_with_text())
    resource_file.refresh_from_db()
    assert (resource_file.text, resource_file.text_status) == ("", TextStatus.EMPTY)


def test_it_leaves_other_formats_alone(toolkit):
    resource_file = make_file(toolkit, content=b"Plain words", name="notes.txt")
    resource_file.refresh_from_db()
    assert (resource_file.text, resource_file.text_status) == ("", TextStatus.NONE)


def test_the_file_is_left_as_it_was_found(toolkit):
    content = pdf_with_text("Election observation")
    resource_file = make_file(toolkit, content=content)
    with resource_file.file.open("rb") as stored:
        assert stored.read() == content
