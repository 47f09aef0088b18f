"""Cover images in sizes that fit: srcset on the page, WebP renditions made on first request."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from library.covers import rendition_name
from library.models.resources import Status
from tests.factories import make_resource
from tests.public.images import give_cover

pytestmark = pytest.mark.django_db


def test_the_page_offers_the_cover_in_several_widths_loaded_lazily(client):
    resource = give_cover(make_resource())

    html = client.get(resource.get_absolute_url()).content.decode()

    image = re.search(r'<img class="cover"[^>]*>', html).group(0)
    version = re.search(r"\?v=(\w+)", image).group(1)
    assert f'src="/covers/{resource.pk}/640.webp?v={version}"' in image
    for width in (320, 640, 960, 1280):
        assert f"/covers/{resource.pk}/{width}.webp?v={version} {width}w" in image
    assert 'sizes="(min-width: 48rem) 45rem, 100vw"' in image
    assert 'width="640" height="320"' in image
    assert 'loading="lazy"' in image
    assert 'alt="Observers counting ballots at a table"' in image


def test_a_rendition_is_made_once_as_webp_and_cached_for_a_year(client):
    resource = give_cover(make_resource())

    response = client.get(f"/covers/{resource.pk}/320.webp")
    data = b"".join(response.streaming_content)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("WEBP", (320, 160))
    stored = rendition_name(resource.cover, 320)
    with default_storage.open(stored, "rb") as kept:
        assert kept.read() == data
    again = client.get(f"/covers/{resource.pk}/320.webp")
    assert b"".join(again.streaming_content) == data


def test_a_small_original_is_never_enlarged(client):
    from tests.public.images import jpeg_bytes

    resource = give_cover(make_resource(), content=jpeg_bytes(500, 250))

    response = client.get(f"/covers/{resource.pk}/1280.webp")

    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.size == (500, 250)


def test_only_the_fixed_widths_exist(client):
    resource = give_cover(make_resource())

    assert client.get(f"/covers/{resource.pk}/321.webp").status_code == 404


def test_a_drafts_cover_is_not_public(client):
    resource = give_cover(make_resource(status=Status.DRAFT))

    assert client.get(f"/covers/{resource.pk}/320.webp").status_code == 404


def test_a_file_that_is_not_an_image_is_not_found_rather_than_an_error(client):
    resource = make_resource()
    give_cover(resource, content=b"this is not a picture")

    assert client.get(f"/covers/{resource.pk}/320.webp").status_code == 404
    assert client.get(resource.get_absolute_url()).status_code == 200


def test_a_head_request_gets_the_headers_without_the_image(client):
    """Caches and link checkers ask with HEAD; any other method is refused."""
    resource = give_cover(make_resource())
    response = client.head(f"/covers/{resource.pk}/320.webp")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    response.close()  # the test client reads no body for HEAD; the server closes the file
    assert client.post(f"/covers/{resource.pk}/320.webp").status_code == 405
