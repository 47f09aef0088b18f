"""How a person is named on mentoring pages: never by anything that could be an e-mail address."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person_name(user):
    if user is None:
        return _("A former member")
    full_name = user.get_full_name().strip()
    if full_name and "@" not in full_name:
        return full_name
    username = user.get_username()
    return username if "@" not in username else _("A partner member")
