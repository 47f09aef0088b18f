"""The site's own template tags."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import SafeString

register = template.Library()

SITE_NAV_TEMPLATE = "includes/site_nav.html"
_site_navs = {}  # (language, script prefix) -> the rendered navigation


@register.simple_tag
def site_nav() -> SafeString:
    """The main navigation, the same on every page in a language: rendered once per language
    (its ten addresses and labels were a tenth of a resource page's rendering)."""
    if settings.DEBUG:  # a developer's edit to the template shows at once
        return render_to_string(SITE_NAV_TEMPLATE)
    key = (translation.get_language(), get_script_prefix())
    html = _site_navs.get(key)
    if html is None:
        html = _site_navs[key] = render_to_string(SITE_NAV_TEMPLATE)
    return html
