"""Addresses every page's <head> and language switcher need: canonical, and the page in each language."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def canonical_path(request):
    """The page's own address: filters and sorting are views of it, a page number is not."""
    page = request.GET.get("page", "")
    return f"{request.path}?page={page}" if page.isdigit() and int(page) > 1 else request.path


def public_urls(request):
    current = get_language()
    path = canonical_path(request)
    full_path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "is_current": code == current,
                "url": translate_url(full_path, code),
                "alternate_url": request.build_absolute_uri(translate_url(path, code)),
            }
        )
    return {
        "canonical_url": request.build_absolute_uri(path),
        "language_links": languages,
        "default_language_url": request.build_absolute_uri(translate_url(path, settings.LANGUAGE_CODE)),
        "site_name": settings.PUBLIC_SITE_NAME,
    }
