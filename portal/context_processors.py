"""Addresses every page's <head> and language switcher need: canonical, and the page in each language."""

from functools import cache, lru_cache
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language, get_language_info, override


def canonical_path(request):
    """The page's own address: filters and sorting are views of it, a page number is not."""
    page = request.GET.get("page", "")
    # isdecimal, not isdigit: "²" is a digit that int() refuses
    return f"{request.path}?page={int(page)}" if page.isdecimal() and int(page) > 1 else request.path


def path_in_each_language(request) -> dict[str, str]:
    """{language: this page's path in it}. The view the request reached is reversed in each
    language (what translate_url does, without resolving the address again for each link: a
    page has eight of them), once per view and arguments."""
    match = request.resolver_match
    name = (
        match
        and match.url_name
        and (f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name)
    )
    if name:
        view = (
            name,
            tuple(match.args),
            tuple(sorted(match.kwargs.items())),
            get_script_prefix(),
            get_urlconf(),
        )
        try:
            hash(view)
        except TypeError:  # a view's own options (a sitemap's dict of sitemaps) can be no key
            paths = _reversed_in_each_language.__wrapped__(*view)
        else:
            paths = _reversed_in_each_language(*view)
        if paths is not None:
            return paths
    return {code: urlsplit(translate_url(request.path, code)).path for code, _name in settings.LANGUAGES}


@lru_cache(maxsize=4096)
def _reversed_in_each_language(name, args, kwargs, *_where) -> dict[str, str] | None:
    """The same view and arguments always reverse to the same paths (`_where`, the script prefix
    and URLconf that reverse() reads, is part of the key): None when some language has no such
    address."""
    paths = {}
    for code, _name in settings.LANGUAGES:
        try:
            with override(code):
                paths[code] = reverse(name, args=args, kwargs=dict(kwargs))
        except NoReverseMatch:
            return None
    return paths


@receiver(setting_changed)
def _settings_changed(**_kwargs):
    """The paths follow from the settings (the languages, the URLconf): a test that changes them
    starts afresh."""
    _reversed_in_each_language.cache_clear()


def _with_query(path, address):
    """`path` with the query string of `address`."""
    parts = urlsplit(address)
    return urlunsplit(("", "", path, parts.query, parts.fragment))


@cache
def _language_info(code) -> tuple[str, bool]:
    info = get_language_info(code)
    return info["name_local"], info["bidi"]


def public_urls(request):
    current = get_language()
    path = canonical_path(request)
    full_path = request.get_full_path()
    paths = path_in_each_language(request)
    languages = []
    for code, _name in settings.LANGUAGES:
        name_local, bidi = _language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": name_local,
                "bidi": bidi,
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
