"""UN M49 geographic regions and the ISO 3166 countries in each.

The tree is region -> sub-region -> (intermediate region ->) countries, as the UN
Statistics Division publishes it. A `region` filter accepts the slug of any node.
"""

from functools import cache

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries as _country_list

# slug: (name, parent slug or None)
REGIONS = {
    "africa": (_("Africa"), None),
    "northern-africa": (_("Northern Africa"), "africa"),
    "sub-saharan-africa": (_("Sub-Saharan Africa"), "africa"),
    "eastern-africa": (_("Eastern Africa"), "sub-saharan-africa"),
    "middle-africa": (_("Middle Africa"), "sub-saharan-africa"),
    "southern-africa": (_("Southern Africa"), "sub-saharan-africa"),
    "western-africa": (_("Western Africa"), "sub-saharan-africa"),
    "americas": (_("Americas"), None),
    "latin-america-and-the-caribbean": (_("Latin America and the Caribbean"), "americas"),
    "caribbean": (_("Caribbean"), "latin-america-and-the-caribbean"),
    "central-america": (_("Central America"), "latin-america-and-the-caribbean"),
    "south-america": (_("South America"), "latin-america-and-the-caribbean"),
    "northern-america": (_("Northern America"), "americas"),
    "asia": (_("Asia"), None),
    "central-asia": (_("Central Asia"), "asia"),
    "eastern-asia": (_("Eastern Asia"), "asia"),
    "south-eastern-asia": (_("South-eastern Asia"), "asia"),
    "southern-asia": (_("Southern Asia"), "asia"),
    "western-asia": (_("Western Asia"), "asia"),
    "europe": (_("Europe"), None),
    "eastern-europe": (_("Eastern Europe"), "europe"),
    "northern-europe": (_("Northern Europe"), "europe"),
    "southern-europe": (_("Southern Europe"), "europe"),
    "western-europe": (_("Western Europe"), "europe"),
    "oceania": (_("Oceania"), None),
    "australia-and-new-zealand": (_("Australia and New Zealand"), "oceania"),
    "melanesia": (_("Melanesia"), "oceania"),
    "micronesia": (_("Micronesia"), "oceania"),
    "polynesia": (_("Polynesia"), "oceania"),
}

# most specific region slug: ISO 3166-1 alpha-2 codes
COUNTRIES_BY_REGION = {
    "northern-africa": "DZ EG LY MA SD TN EH",
    "eastern-africa": "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
    "middle-africa": "AO CM CF TD CG CD GQ GA ST",
    "southern-africa": "BW SZ LS NA ZA",
    "western-africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "central-america": "BZ CR SV GT HN MX NI PA",
    "south-america": "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
    "northern-america": "BM CA GL PM US",
    "central-asia": "KZ KG TJ TM UZ",
    "eastern-asia": "CN HK MO KP JP MN KR TW",
    "south-eastern-asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "southern-asia": "AF BD BT IN IR MV NP PK LK",
    "western-asia": "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    "eastern-europe": "BY BG CZ HU PL MD RO RU SK UA",
    "northern-europe": "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB",
    "southern-europe": "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES",
    "western-europe": "AT BE FR DE LI LU MC NL CH",
    "australia-and-new-zealand": "AU CX CC HM NZ NF",
    "melanesia": "FJ NC PG SB VU",
    "micronesia": "GU KI MH FM NR MP PW UM",
    "polynesia": "AS CK PF NU PN WS TK TO TV WF",
}

REGION_OF_COUNTRY = {code: region for region, codes in COUNTRIES_BY_REGION.items() for code in codes.split()}


def top_region(slug: str) -> str:
    """The continent-level region (africa, americas, asia, europe, oceania) of any region slug."""
    while REGIONS[slug][1] is not None:
        slug = REGIONS[slug][1]
    return slug


def region_chain(code: str) -> list[str]:
    """Every region a country lies in, from the most specific up to its continent."""
    slug = REGION_OF_COUNTRY.get(code)
    chain = []
    while slug is not None:
        chain.append(slug)
        slug = REGIONS[slug][1]
    return chain


@cache
def countries_in_region(slug: str) -> tuple[str, ...]:
    """ISO codes of every country inside a region, at any depth of the tree (the tree is fixed,
    so each region's list is worked out once per process)."""
    return tuple(sorted(code for code in REGION_OF_COUNTRY if slug in region_chain(code)))


_country_names: dict[str, dict[str, str]] = {}


def country_names() -> dict[str, str]:
    """{ISO code: name} in the active interface language. django-countries translates a name on
    every lookup (a list page asks for a few hundred); the names of each language are read once
    per process and kept, like the compiled catalogues they come from."""
    language = get_language() or ""
    names = _country_names.get(language)
    if names is None:
        names = _country_names[language] = {code: str(name) for code, name in _country_list}
    return names


def country_name(code: str) -> str:
    """The country's name in the interface language; the code itself when it names no country."""
    return country_names().get(code) or code


TOP_REGIONS = [slug for slug, (_name, parent) in REGIONS.items() if parent is None]
