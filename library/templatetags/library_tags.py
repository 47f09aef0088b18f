"""Template helpers for rendering resources."""

from functools import lru_cache

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

from library.cards import card_html
from library.facets import choice_items

register = template.Library()

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "sup",
    "sub",
}


@register.filter(is_safe=True)
def markdown(text):
    """Render editors' Markdown to HTML, keeping only safe tags and attributes."""
    return _markdown_html(str(text or ""))


@lru_cache(maxsize=256)
def _markdown_html(text):
    """The same text always gives the same HTML, so each process keeps the last few hundred it
    rendered (a detail page renders its body and sections on every request; nothing to
    invalidate: edited text is another key)."""
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    # headings start at h2: the page title is the only h1
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set()},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current list's address at another page number."""
    query = context.get("query_without_page", "")
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.simple_tag
def resource_card(resource):
    """A resource's card, kept per public state (library.cards)."""
    return card_html(resource)


@register.simple_tag
def facet_choices(facet, choices):
    """The filter panel's choices of one facet as list items (library.facets.choice_items)."""
    return choice_items(facet, choices)


@register.filter
def chosen_values(field):
    """The values a bound choice field holds, as strings. Filter forms mark their options with
    these in a plain loop: Django's widgets render a template per option, a third of a list
    page's time."""
    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {str(v) for v in values if v not in (None, "")}
