import io

from django.core.files.base import ContentFile
from PIL import Image


def jpeg_bytes(width=2000, height=1000, colour=(30, 90, 160)):
    output = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(output, "JPEG", quality=85)
    return output.getvalue()


def give_cover(resource, content=None, name="cover.jpg", alt="Observers counting ballots at a table"):
    resource.cover.save(name, ContentFile(content if content is not None else jpeg_bytes()), save=False)
    resource.cover_alt = alt
    resource.save()
    return resource
