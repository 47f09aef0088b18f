"""The site's own template tags."""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.safestring import SafeString

register = template.Library()

_rendered = {}  # (template name, language, script prefix, URLconf) -> its HTML


@receiver(setting_changed)
def _settings_changed(**_kwargs):
    """What is kept follows from the settings (the static files' storage, the languages): a test
    that changes them starts afresh."""
    _rendered.clear()


@register.simple_tag
def include_per_language(template_name) -> SafeString:
    """A template whose HTML is the same on every page in a language (the main navigation, the
    footer, the stylesheets): rendered once per language and kept, since its addresses and
    words were a fifth of a resource page's rendering. It is given no context; its names are
    written in templates, so there are few of them."""
    if settings.DEBUG:  # a developer's edit to the template shows at once
        return render_to_string(template_name)
    key = (template_name, translation.get_language(), get_script_prefix(), get_urlconf())
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = render_to_string(template_name)
    return html
