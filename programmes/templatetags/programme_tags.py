"""Template filters of the programmes pages."""

from django import template

register = template.Library()


@register.filter
def chosen_values(field):
    """The values a bound choice field holds, as strings (the list filters mark their options with
    these in a plain loop; the library's filter of this name went with its new filter panel)."""
    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {str(v) for v in values if v not in (None, "")}
