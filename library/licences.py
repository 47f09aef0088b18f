"""The licences a resource may carry: Creative Commons choices, named by their SPDX identifiers.

Every resource has one (the `licence` field); a new resource gets `LIBRARY_DEFAULT_LICENCE`
(a setting, "CC-BY-4.0" unless set). The page, its JSON-LD, the API and OAI-PMH all read the
name and address from here.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    code: str  # SPDX identifier
    name: object  # a lazy translation
    url: str


LICENCES = {
    licence.code: licence
    for licence in (
        Licence(
            "CC-BY-4.0", _("Creative Commons Attribution 4.0"), "https://creativecommons.org/licenses/by/4.0/"
        ),
        Licence(
            "CC-BY-SA-4.0",
            _("Creative Commons Attribution-ShareAlike 4.0"),
            "https://creativecommons.org/licenses/by-sa/4.0/",
        ),
        Licence(
            "CC-BY-NC-4.0",
            _("Creative Commons Attribution-NonCommercial 4.0"),
            "https://creativecommons.org/licenses/by-nc/4.0/",
        ),
        Licence(
            "CC-BY-NC-SA-4.0",
            _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0"),
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        ),
        Licence(
            "CC-BY-ND-4.0",
            _("Creative Commons Attribution-NoDerivatives 4.0"),
            "https://creativecommons.org/licenses/by-nd/4.0/",
        ),
        Licence(
            "CC-BY-NC-ND-4.0",
            _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0"),
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        ),
        Licence(
            "CC0-1.0",
            _("Creative Commons Zero 1.0 (public domain)"),
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
    )
}
LICENCE_CHOICES = [(code, licence.name) for code, licence in LICENCES.items()]


def default_licence() -> str:
    """The licence of a new resource: the LIBRARY_DEFAULT_LICENCE setting."""
    code = getattr(settings, "LIBRARY_DEFAULT_LICENCE", "CC-BY-4.0")
    if code not in LICENCES:
        raise ImproperlyConfigured(
            f"LIBRARY_DEFAULT_LICENCE must be one of {', '.join(LICENCES)}; got {code!r}"
        )
    return code


def licence_of(resource) -> Licence:
    return LICENCES.get(resource.licence) or LICENCES[default_licence()]
