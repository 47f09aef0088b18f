"""Uploads are judged by their content: real files of each type pass, disguised ones are refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from library.uploads import IMAGE_TYPES, LimitedUploadHandler, OversizeUpload, validate_upload
from tests.publishing import sample_files as sample

ACCEPTED = [
    ("checklist.pdf", sample.pdf, "pdf", "checklist.pdf"),
    ("Lessons learned.docx", sample.docx, "docx", "lessons-learned.docx"),
    ("turnout.xlsx", sample.xlsx, "xlsx", "turnout.xlsx"),
    ("training.pptx", sample.pptx, "pptx", "training.pptx"),
    ("radio.odt", sample.odt, "odt", "radio.odt"),
    ("data.zip", sample.plain_zip, "zip", "data.zip"),
    ("photo.png", sample.image, "png", "photo.png"),
    ("photo.JPG", lambda: sample.image("JPEG"), "jpeg", "photo.jpg"),
    ("photo.webp", lambda: sample.image("WEBP"), "webp", "photo.webp"),
]


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def refusal(name, content, kinds=None):
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, content), *([kinds] if kinds else []))
    return caught.value


@pytest.mark.parametrize(("name", "build", "key", "stored_name"), ACCEPTED)
def test_it_accepts_a_real_file_of_each_type(name, build, key, stored_name):
    cleaned, file_type = validate_upload(upload(name, build()))
    assert file_type.key == key
    assert cleaned.name == stored_name


@pytest.mark.parametrize(("name", "build", "key", "stored_name"), ACCEPTED[:6])
def test_it_keeps_documents_byte_for_byte(name, build, key, stored_name):
    content = build()
    cleaned, _type = validate_upload(upload(name, content))
    cleaned.seek(0)
    assert cleaned.read() == content


def test_it_names_the_file_by_its_content_when_the_name_says_nothing():
    cleaned, file_type = validate_upload(upload("scan", sample.pdf()))
    assert (file_type.key, cleaned.name) == ("pdf", "scan.pdf")


def test_it_makes_unsafe_names_safe():
    cleaned, _type = validate_upload(upload("../../etc/<script>passwd .pdf", sample.pdf()))
    assert cleaned.name == "scriptpasswd.pdf"
    cleaned, _type = validate_upload(upload("تقرير.pdf", sample.pdf()))
    assert cleaned.name == "file.pdf"


def test_it_refuses_a_program_renamed_pdf():
    error = refusal("report.pdf", sample.windows_program())
    assert error.code == "unknown_type"
    assert "a program" in error.messages[0] and "Accepted: PDF" in error.messages[0]


def test_it_refuses_html_renamed_png():
    error = refusal("photo.png", sample.SCRIPT)
    assert error.code == "unknown_type" and "web page" in error.messages[0]


def test_it_refuses_a_png_carrying_an_html_page():
    polyglot = sample.png_html_polyglot()
    assert Image.open(io.BytesIO(polyglot)).format == "PNG"  # a real PNG to an image viewer
    error = refusal("photo.png", polyglot)
    assert error.code in ("polyglot", "unknown_type")
    assert "script" in error.messages[0]


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_it_refuses_an_svg_with_script(name):
    error = refusal(name, sample.svg_with_script())
    assert "SVG" in error.messages[0]


def test_it_refuses_a_file_whose_name_claims_another_accepted_type():
    error = refusal("report.pdf", sample.docx())
    assert error.code == "name_mismatch"
    assert "PDF" in error.messages[0] and "Word (DOCX)" in error.messages[0]


def test_it_refuses_office_files_with_macros():
    assert refusal("letter.docx", sample.docx(with_macros=True)).code == "macros"


def test_it_refuses_other_opendocument_kinds():
    assert (
        refusal("sheet.ods", sample.odt(b"application/vnd.oasis.opendocument.spreadsheet")).code == "odf_kind"
    )


def test_it_refuses_an_archive_with_paths_that_climb_out():
    assert refusal("data.zip", sample.plain_zip({"../../evil.sh": "rm -rf /"})).code == "zip_path"


@pytest.mark.parametrize("how", ["encrypted", "method", "deflate"])
def test_it_refuses_an_archive_whose_entries_cannot_be_read_as_damaged(how):
    assert refusal("radio.odt", sample.odt_unreadable(how)).code == "damaged"


def test_it_refuses_a_truncated_pdf():
    assert refusal("cut.pdf", sample.pdf()[:-40]).code == "damaged"


def test_it_refuses_a_pdf_with_javascript():
    assert refusal(
        "form.pdf", sample.pdf(extra=b" /OpenAction << /S /JavaScript /JS (app.alert(1)) >>")
    ).code == ("active_pdf")


def test_it_refuses_a_damaged_image():
    assert refusal("photo.png", sample.image()[:60]).code == "damaged"


def test_it_refuses_an_empty_file():
    assert refusal("empty.pdf", b"").code == "empty"


def test_it_refuses_a_document_where_only_images_are_accepted():
    error = refusal("cover.pdf", sample.pdf(), kinds=IMAGE_TYPES)
    assert error.code == "not_accepted" and "PNG, JPEG or WebP" in error.messages[0]


def test_it_refuses_a_file_over_the_size_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1000
    error = refusal("big.pdf", sample.pdf(text="x" * 2000))
    assert error.code == "too_large" and "1000" in error.messages[0]


def test_it_scales_large_images_down_to_a_sensible_size(settings):
    settings.UPLOAD_IMAGE_MAX_SIDE = 800
    cleaned, _type = validate_upload(upload("wide.jpg", sample.image("JPEG", size=(3200, 1000))))
    with Image.open(cleaned) as stored:
        assert stored.size == (800, 250) and stored.format == "JPEG"


def test_it_refuses_images_with_too_many_pixels(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 10_000
    assert refusal("huge.png", sample.image(size=(200, 100))).code == "too_many_pixels"


def test_reencoding_drops_hidden_metadata():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Someone private")
    cleaned, _type = validate_upload(upload("photo.png", sample.image(pnginfo=info)))
    with Image.open(cleaned) as stored:
        assert "Author" not in stored.info
        assert stored.getpixel((0, 0)) == (11, 92, 173)


class TestTheUploadHandler:
    def feed(self, handler, chunks):
        handler.new_file("file", "big.pdf", "application/pdf", None)
        for start, chunk in enumerate(chunks):
            handler.receive_data_chunk(chunk, start)
        return handler.file_complete(sum(len(c) for c in chunks))

    def test_it_cuts_an_oversized_file_off_and_keeps_no_bytes(self, settings):
        settings.UPLOAD_MAX_BYTES = 100
        handler = LimitedUploadHandler()
        result = self.feed(handler, [b"%PDF-" + b"a" * 60, b"b" * 60, b"c" * 60])
        assert isinstance(result, OversizeUpload)
        assert result.size == 185 and result.read() == b""
        assert handler.file.closed  # the partial temporary file is gone

    def test_it_passes_a_file_within_the_limit_on_to_a_temporary_file(self, settings):
        settings.UPLOAD_MAX_BYTES = 1000
        handler = LimitedUploadHandler()
        result = self.feed(handler, [b"%PDF-1.4 ", b"rest"])
        assert not isinstance(result, OversizeUpload)
        assert result.temporary_file_path()
        result.seek(0)
        assert result.read() == b"%PDF-1.4 rest"
        result.close()


def test_sample_files_are_what_they_claim():
    """The generated samples are real: the ZIP-based ones hold their formats' parts."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(sample.odt())) as archive:
        assert archive.infolist()[0].filename == "mimetype"
        assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED
    with zipfile.ZipFile(io.BytesIO(sample.docx())) as archive:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(archive.namelist())
