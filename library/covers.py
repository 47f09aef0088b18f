"""Cover images in sizes that fit: WebP renditions made on first request, then kept in storage.

Why on first request rather than on upload: an import of thousands of resources, or a change of the
sizes below, costs nothing up front; only covers that readers actually see are ever resized; and the
original upload stays the single source. Each rendition is written once to the default storage under
a name derived from the original's name, so later requests only read it, and its address carries a
version so that it can be cached for a year.
"""

import hashlib
import io
import warnings

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, ImageOps, UnidentifiedImageError

WIDTHS = (320, 640, 960, 1280)
DEFAULT_WIDTH = 640
# the cover spans the text column (45rem) on wide screens and the viewport on narrow ones
SIZES = "(min-width: 48rem) 45rem, 100vw"
QUALITY = 78


class CoverUnavailable(Exception):
    """The original is missing or is not an image Pillow can read safely."""


def version_of(cover):
    return hashlib.sha256(cover.name.encode()).hexdigest()[:12]


def rendition_name(cover, width):
    return f"renditions/covers/{version_of(cover)}/{width}.webp"


def rendition_url(resource, width):
    url = reverse("cover", kwargs={"resource_id": resource.pk, "width": width})
    return f"{url}?v={version_of(resource.cover)}"


def srcset(resource):
    return ", ".join(f"{rendition_url(resource, width)} {width}w" for width in WIDTHS)


def dimensions(cover, width=DEFAULT_WIDTH):
    """The width and height of the default rendition, so the page reserves the image's space."""
    try:
        original_width, original_height = cover.width, cover.height
    except (OSError, ValueError, UnidentifiedImageError):
        return None
    if not original_width or not original_height:
        return None
    shown = min(width, original_width)
    return shown, max(1, round(original_height * shown / original_width))


def render_rendition(cover, width):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with cover.open("rb") as original, Image.open(original) as image:
                image = ImageOps.exif_transpose(image)
                image.thumbnail((width, width * 4))
                if image.mode not in ("RGB", "RGBA"):
                    image = image.convert("RGBA" if "transparency" in image.info else "RGB")
                output = io.BytesIO()
                image.save(output, "WEBP", quality=QUALITY, method=4)
    except (
        OSError,
        ValueError,
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise CoverUnavailable(cover.name) from None
    return output.getvalue()


def rendition(cover, width):
    """The stored name of the cover at this width, made now if it does not exist yet."""
    name = rendition_name(cover, width)
    if not default_storage.exists(name):
        data = render_rendition(cover, width)
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(data))
    return name


def cover_context(resource, absolute):
    """What the page needs to show the cover: default address, srcset, sizes and reserved space."""
    size = dimensions(resource.cover)
    return {
        "src": rendition_url(resource, DEFAULT_WIDTH),
        "srcset": srcset(resource),
        "sizes": SIZES,
        "width": size[0] if size else None,
        "height": size[1] if size else None,
        "absolute_url": absolute(rendition_url(resource, 1280)),
        "alt": resource.cover_alt,
    }
