""" "Cite this resource": APA text for the page, BibTeX and RIS records for reference managers.

Every function takes the resource and its absolute address; the author is the implementing
organisation when a case study names one, otherwise the library itself (a corporate author).
"""

from django.conf import settings
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language

# APA's "(Year, Month Day)" in each interface language's own order
APA_DATE_FORMATS = {"en": "Y, F j", "fr": "Y, j F", "es": "Y, j \\d\\e F", "ar": "Y، j F"}
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
RIS_TYPES = {"case-study": "RPRT", "guide": "GEN", "toolkit": "GEN"}


def site_name():
    return settings.PUBLIC_SITE_NAME


def author_of(resource):
    return (getattr(resource, "organisation", "") or "").strip() or site_name()


def apa_html(resource, url):
    """APA 7 for a web document: Author. (Year, Month Day). *Title*. Site. URL"""
    author = author_of(resource)
    if resource.published_at:
        date_format = APA_DATE_FORMATS.get((get_language() or "en")[:2], APA_DATE_FORMATS["en"])
        date = formats.date_format(resource.published_at, date_format)
    else:
        date = "n.d."
    site = "" if author == site_name() else f" {site_name()}."
    author = author if author.endswith(".") else f"{author}."
    return format_html("{} ({}). <cite>{}</cite>.{} {}", author, date, resource.title, site, url)


def bibtex_escape(text):
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in " ".join(str(text).split()))


def bibtex(resource, url):
    fields = [
        ("author", "{" + bibtex_escape(author_of(resource)) + "}"),
        ("title", "{" + bibtex_escape(resource.title) + "}"),
        ("howpublished", bibtex_escape(site_name())),
        ("url", url),
        ("language", resource.language),
        ("abstract", bibtex_escape(resource.summary)),
    ]
    if resource.published_at:
        fields[2:2] = [("year", str(resource.published_at.year))]
    lines = [f"@misc{{{resource.slug},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    if resource.published_at:
        lines.append(f"  month = {BIBTEX_MONTHS[resource.published_at.month - 1]},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris_line(tag, value):
    return f"{tag}  - {' '.join(str(value).split())}"


def ris(resource, url):
    lines = [ris_line("TY", RIS_TYPES.get(resource.kind, "GEN")), ris_line("TI", resource.title)]
    lines.append(ris_line("AU", author_of(resource)))
    if resource.published_at:
        lines.append(ris_line("PY", resource.published_at.year))
        lines.append(ris_line("DA", resource.published_at.strftime("%Y/%m/%d")))
    lines += [ris_line("PB", site_name()), ris_line("UR", url), ris_line("LA", resource.language)]
    lines.append(ris_line("AB", resource.summary))
    lines += [ris_line("KW", tag.name) for tag in resource.tags.all()]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
