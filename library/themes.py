"""The fund's eight themes: the controlled list every resource is filed under.

The slugs are part of the public contract (they appear in URLs and the import format).
"""

from django.utils.translation import gettext_lazy as _

THEMES = [
    ("community-activism", _("Community activism")),
    ("rule-of-law-and-human-rights", _("Rule of law and human rights")),
    ("tools-for-knowledge", _("Tools for knowledge")),
    ("womens-empowerment", _("Women's empowerment")),
    ("youth-engagement", _("Youth engagement")),
    ("media-and-freedom-of-information", _("Media and freedom of information")),
    ("civil-society-and-government", _("Strengthening civil society interaction with government")),
    ("electoral-processes", _("Electoral processes")),
]

THEME_NAMES = dict(THEMES)
