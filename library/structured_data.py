"""schema.org JSON-LD for one resource, so search engines and catalogues read what it is."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from library.citations import author_of
from library.covers import rendition_url

SCHEMA_TYPES = {"guide": "Article", "case-study": "Article", "toolkit": "CreativeWork"}
# the characters that could end or confuse a <script> element, written as JSON escapes
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def resource_data(resource, url, absolute, language_versions=()):
    """`absolute` turns a site path into a full address; `language_versions` are its other languages."""
    author_name = author_of(resource)
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(resource.kind, "CreativeWork"),
        "@id": url,
        "url": url,
        "name": resource.title,
        "headline": resource.title[:110],
        "description": resource.summary,
        "inLanguage": resource.language,
        "author": {"@type": "Organization", "name": author_name},
        "publisher": {"@type": "Organization", "name": settings.PUBLIC_SITE_NAME},
        "isAccessibleForFree": True,
        "license": resource.licence_details.url,
        "about": [{"@type": "Thing", "name": str(theme.label)} for theme in resource.themes.all()],
        "keywords": [tag.name for tag in resource.tags.all()],
        "spatialCoverage": [
            {"@type": "Country", "name": country.name} for country in resource.countries.all()
        ],
    }
    if resource.published_at:
        data["datePublished"] = resource.published_at.isoformat()
    if resource.updated_at:
        data["dateModified"] = resource.updated_at.isoformat()
    if resource.cover:
        data["image"] = absolute(rendition_url(resource, 1280))
    parts = [
        {
            "@type": "DigitalDocument",
            "name": file.title,
            "url": absolute(file.get_absolute_url()),
            "encodingFormat": file.format,
            "contentSize": f"{file.size} B",
            "inLanguage": file.language,
            "isAccessibleForFree": not file.is_partner_only,
        }
        for file in resource.files.all()
    ]
    if parts:
        data["hasPart"] = parts
    for version in language_versions:
        link = {
            "@type": data["@type"],
            "@id": absolute(version.get_absolute_url()),
            "inLanguage": version.language,
        }
        if version.pk == resource.translation_of_id:
            data["translationOfWork"] = link
        else:
            data.setdefault("workTranslation", []).append(link)
    return {key: value for key, value in data.items() if value not in ([], "", None)}


def json_ld_script(data):
    """A non-executable <script type="application/ld+json"> block with its JSON escaped for HTML."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped just above
