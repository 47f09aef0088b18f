"""Real files of every accepted type, and disguised ones, built in memory for the upload tests."""

import io
import struct
import zipfile

from PIL import Image
from PIL.PngImagePlugin import PngInfo

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"


def pdf(text="Observer checklist", extra=b""):
    """A small, valid one-page PDF with a correct cross-reference table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" + extra,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _zip(entries, *, first_stored=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first_stored:
            name, data = first_stored
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _content_types(overrides):
    parts = "".join(
        f'<Override PartName="/{name}" ContentType="{ctype}"/>' for name, ctype in overrides.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + parts + "</Types>"
    )


def _rels(target, rel_type="officeDocument"):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rel_type}"'
        f' Target="{target}"/></Relationships>'
    )


def docx(text="Lessons from observers", *, with_macros=False):
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    entries = {
        "[Content_Types].xml": _content_types({"word/document.xml": main}),
        "_rels/.rels": _rels("word/document.xml"),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
        ),
    }
    if with_macros:
        entries["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro project"
    return _zip(entries)


def xlsx():
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    return _zip(
        {
            "[Content_Types].xml": _content_types(
                {"xl/workbook.xml": main, "xl/worksheets/sheet1.xml": sheet}
            ),
            "_rels/.rels": _rels("xl/workbook.xml"),
            "xl/workbook.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
                ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Turnout" sheetId="1" r:id="rId1"/></sheets></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": _rels("worksheets/sheet1.xml", "worksheet"),
            "xl/worksheets/sheet1.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Turnout</t></is></c></row></sheetData>'
                "</worksheet>"
            ),
        }
    )


def pptx():
    main = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    return _zip(
        {
            "[Content_Types].xml": _content_types({"ppt/presentation.xml": main}),
            "_rels/.rels": _rels("ppt/presentation.xml"),
            "ppt/presentation.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
                '<p:sldSz cx="9144000" cy="6858000"/></p:presentation>'
            ),
        }
    )


def odt(mimetype=b"application/vnd.oasis.opendocument.text"):
    return _zip(
        {
            "META-INF/manifest.xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype.decode()}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>"
            ),
            "content.xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
                ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                "<office:body><office:text><text:p>Community radio</text:p></office:text></office:body>"
                "</office:document-content>"
            ),
        },
        first_stored=("mimetype", mimetype),
    )


def odt_unreadable(how):
    """An ODT whose first entry, `mimetype`, cannot be read back: `encrypted` (the flag set, no
    password), `method` (compressed with a method zipfile does not know) or `deflate` (its
    compressed bytes broken)."""
    data = bytearray(odt())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")  # the first central entry is `mimetype` too
    if how == "encrypted":
        for header, offset in ((local, 6), (central, 8)):
            struct.pack_into(
                "<H", data, header + offset, struct.unpack_from("<H", data, header + offset)[0] | 1
            )
    elif how == "method":
        for header, offset in ((local, 8), (central, 10)):
            struct.pack_into("<H", data, header + offset, 99)
    elif how == "deflate":
        for header, offset in ((local, 8), (central, 10)):
            struct.pack_into("<H", data, header + offset, zipfile.ZIP_DEFLATED)
        body = local + 30 + len("mimetype")
        data[body : body + 4] = b"\xff\xff\xff\xff"  # not a valid deflate block header
    return bytes(data)


def plain_zip(entries=None):
    return _zip(entries or {"turnout.csv": "district,turnout\nNorth,61\n", "README.txt": "Observer data."})


def image(fmt="PNG", size=(64, 48), color=(11, 92, 173), pnginfo=None):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt, **({"pnginfo": pnginfo} if pnginfo else {}))
    return out.getvalue()


def png_html_polyglot():
    """A PNG that any image viewer opens, carrying an HTML page with script in a text chunk."""
    info = PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    return image("PNG", pnginfo=info)


def windows_program():
    """The start of a Windows executable: MZ header, DOS stub, PE signature."""
    stub = b"MZ" + b"\x90\x00" * 29 + b"\x80\x00\x00\x00"
    stub = stub.ljust(0x80, b"\x00") + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200
    return stub + b"This program cannot be run in DOS mode."


def svg_with_script():
    return (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<script>alert(1)</script><rect width="10" height="10"/></svg>'
    )
