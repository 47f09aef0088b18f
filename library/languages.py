"""Languages a resource can be written in (ISO 639-1), wider than the interface languages."""

from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("zh", _("Chinese")),
    ("pt", _("Portuguese")),
    ("sw", _("Swahili")),
    ("am", _("Amharic")),
    ("ha", _("Hausa")),
    ("hi", _("Hindi")),
    ("bn", _("Bengali")),
    ("ur", _("Urdu")),
    ("ne", _("Nepali")),
    ("id", _("Indonesian")),
    ("my", _("Burmese")),
    ("km", _("Khmer")),
    ("mn", _("Mongolian")),
    ("ky", _("Kyrgyz")),
    ("uk", _("Ukrainian")),
    ("ka", _("Georgian")),
    ("hy", _("Armenian")),
    ("ro", _("Romanian")),
    ("tr", _("Turkish")),
    ("fa", _("Persian")),
    ("so", _("Somali")),
    ("ht", _("Haitian Creole")),
    ("qu", _("Quechua")),
    ("tl", _("Tagalog")),
    ("th", _("Thai")),
    ("vi", _("Vietnamese")),
]

LANGUAGE_NAMES = dict(CONTENT_LANGUAGES)
RIGHT_TO_LEFT = {"ar", "fa", "ur"}
