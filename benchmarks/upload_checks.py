"""How long the content checks of uploads take, and how little memory an oversized upload costs.

Run: DJANGO_SETTINGS_MODULE=tests.settings .venv/bin/python benchmarks/upload_checks.py
"""

import io
import os
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import TemporaryUploadedFile  # noqa: E402
from PIL import Image  # noqa: E402

from library.uploads import LimitedUploadHandler, validate_upload  # noqa: E402
from tests.publishing import sample_files  # noqa: E402


def on_disk(name, content):
    upload = TemporaryUploadedFile(name, "application/octet-stream", len(content), None)
    upload.write(content)
    upload.seek(0)
    return upload


def timed(label, name, content, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        upload = on_disk(name, content)
        start = time.perf_counter()
        validate_upload(upload)
        best = min(best, time.perf_counter() - start)
        upload.close()
    mb = len(content) / 1024 / 1024
    print(f"{label:<38} {mb:7.1f} MB  {best * 1000:8.1f} ms  ({mb / best:6.0f} MB/s)")


def main():
    random_pdf_body = os.urandom(40 * 1024 * 1024)
    pdf = sample_files.pdf(extra=b" /Filler <" + random_pdf_body.hex().encode()[: 40 * 1024 * 1024] + b">")
    timed("PDF (scan for /JavaScript)", "big.pdf", pdf)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for index in range(200):
            zf.writestr(f"data/part-{index}.bin", os.urandom(200 * 1024))
    timed("ZIP, 200 entries (directory only)", "data.zip", archive.getvalue())
    photo = io.BytesIO()
    Image.effect_noise((4000, 3000), 64).convert("RGB").save(photo, "JPEG", quality=90)
    timed("JPEG 4000x3000 -> re-encoded 2400px", "photo.jpg", photo.getvalue())
    png = io.BytesIO()
    Image.effect_noise((3000, 2000), 64).convert("RGB").save(png, "PNG")
    timed("PNG 3000x2000 -> re-encoded 2400px", "photo.png", png.getvalue(), repeat=1)

    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    chunk = b"x" * (64 * 1024)
    total = 200 * 1024 * 1024
    tracemalloc.start()
    handler = LimitedUploadHandler()
    handler.new_file("file", "huge.pdf", "application/pdf", total)
    for start in range(0, total, len(chunk)):
        handler.receive_data_chunk(chunk, start)
    result = handler.file_complete(total)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"oversized upload, {total // 1024 // 1024} MB streamed at a 1 MB limit: "
        f"peak Python memory {peak / 1024:.0f} KB, kept {type(result).__name__} of {result.size} bytes"
    )


if __name__ == "__main__":
    main()
