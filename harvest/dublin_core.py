"""A resource as simple Dublin Core (oai_dc): what library catalogues and aggregators read."""

from django.conf import settings

from harvest.xmlwriting import DC_NS, OAI_DC_NS, OAI_DC_SCHEMA, XSI_NS, element
from library.citations import author_of
from library.models.resources import Kind

DCMI_TYPE = "Text"  # every kind is a text (the DCMI Type Vocabulary); the kind follows as a second type


def oai_dc(resource, absolute) -> str:
    """`absolute` turns a site path into a full address."""
    language = resource.language
    parts = [
        f'<oai_dc:dc xmlns:oai_dc="{OAI_DC_NS}" xmlns:dc="{DC_NS}" xmlns:xsi="{XSI_NS}" '
        f'xsi:schemaLocation="{OAI_DC_NS} {OAI_DC_SCHEMA}">',
        element("dc:title", resource.title, **{"xml:lang": language}),
        element("dc:creator", author_of(resource)),
    ]
    parts += [element("dc:subject", theme.label) for theme in resource.themes.all()]
    parts += [element("dc:subject", tag.name) for tag in resource.tags.all()]
    parts += [
        element("dc:description", resource.summary, **{"xml:lang": language}),
        element("dc:publisher", settings.PUBLIC_SITE_NAME),
        element("dc:date", resource.published_at.date().isoformat()),
        element("dc:type", DCMI_TYPE),
        element("dc:type", Kind(resource.kind).label),
        element("dc:format", "text/html"),
        element("dc:identifier", absolute(resource.get_absolute_url())),
        element("dc:language", language),
    ]
    parts += [element("dc:coverage", country.name) for country in resource.countries.all()]
    licence = resource.licence_details
    parts += [element("dc:rights", licence.url), element("dc:rights", licence.name)]
    parts.append("</oai_dc:dc>")
    return "".join(parts)
