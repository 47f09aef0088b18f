from django import template

register = template.Library()


@register.filter
def chosen_values(field):
    """The values a bound choice field holds, as strings (the filter form marks its options with
    these in a plain loop rather than a widget template per option)."""
    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {str(v) for v in values if v not in (None, "")}
