"""schema.org JSON-LD: a collection is an ItemList of its public resources; a programme a Course."""

from django.conf import settings


def collection_data(collection, items, url, absolute):
    data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "@id": url,
        "url": url,
        "name": collection.title,
        "description": collection.summary,
        "inLanguage": collection.language,
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "numberOfItems": len(items),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "url": absolute(item.resource.get_absolute_url()),
                "name": item.resource.title,
            }
            for position, item in enumerate(items, start=1)
        ],
    }
    if collection.published_at:
        data["datePublished"] = collection.published_at.isoformat()
    return data


def programme_data(programme, modules, url):
    return {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url,
        "url": url,
        "name": programme.title,
        "description": programme.summary,
        "inLanguage": programme.language,
        "educationalLevel": programme.get_level_display(),
        "timeRequired": f"PT{programme.estimated_hours}H",
        "isAccessibleForFree": True,
        "provider": {"@type": "Organization", "name": settings.PUBLIC_SITE_NAME},
        "syllabusSections": [{"@type": "Syllabus", "name": module.title} for module in modules],
    }
