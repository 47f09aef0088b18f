"""Addresses every page's <head> and language switcher need: canonical, and the page in each language."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info, override


def canonical_path(request):
    """The page's own address: filters and sorting are views of it, a page number is not."""
    page = request.GET.get("page", "")
    # isdecimal, not isdigit: "²" is a digit that int() refuses
    return f"{request.path}?page={int(page)}" if page.isdecimal() and int(page) > 1 else request.path


def path_in_each_language(request) -> dict[str, str]:
    """{language: this page's path in it}. The view the request reached is reversed once per
    language (what translate_url does, without resolving the address again for each link: a
    page has eight of them)."""
    match = request.resolver_match
    name = (
        match
        and match.url_name
        and (f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name)
    )
    paths = {}
    for code, _name in settings.LANGUAGES:
        try:
            if not name:
                raise NoReverseMatch
            with override(code):
                paths[code] = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            paths[code] = urlsplit(translate_url(request.path, code)).path
    return paths


def _with_query(path, address):
    """`path` with the query string of `address`."""
    parts = urlsplit(address)
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def public_urls(request):
    current = get_language()
    path = canonical_path(request)
    full_path = request.get_full_path()
    paths = path_in_each_language(request)
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "is_current": code == current,
                "url": _with_query(paths[code], full_path),
                "alternate_url": request.build_absolute_uri(_with_query(paths[code], path)),
            }
        )
    return {
        "canonical_url": request.build_absolute_uri(path),
        "language_links": languages,
        "default_language_url": request.build_absolute_uri(_with_query(paths[settings.LANGUAGE_CODE], path)),
        "site_name": settings.PUBLIC_SITE_NAME,
    }
