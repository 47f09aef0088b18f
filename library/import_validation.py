"""One record of the import format, checked as the admin would check it.

`RecordValidator.validate(data)` turns a record read from a file (a dict with the format's field
names) into a clean `Record`, or raises `RecordError` with every reason it is rejected. It reads
nothing but the themes and countries (once) and writes nothing: `importing.py` does the writing.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.core.validators import slug_re
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from library import subtypes
from library.import_formats import LIST_SEPARATOR, printable, shortened
from library.languages import LANGUAGE_NAMES
from library.models import Country, Resource, Theme
from library.models.resources import Kind, Status

# the import format's fields, in the order the exporter writes them
BASE_FIELDS = (
    "kind",
    "title",
    "slug",
    "summary",
    "body",
    "tags",
    "themes",
    "countries",
    "language",
    "published_at",
    "status",
)
IGNORED_FIELDS = ("url",)  # the public CSV export adds each resource's address
SLUG_PATTERN_HELP = "letters, digits, hyphens and underscores"
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length


def extra_field_names() -> tuple[str, ...]:
    """Every field that some kind adds (case studies: organisation, project_code, lessons_learned)."""
    names = []
    for kind in Kind.values:
        names += [name for name in subtypes.extra_fields(kind) if name not in names]
    return tuple(names)


def known_fields() -> tuple[str, ...]:
    return BASE_FIELDS + extra_field_names() + IGNORED_FIELDS


@dataclass
class Record:
    line: int
    kind: str
    title: str
    slug: str
    summary: str
    body: str
    language: str
    status: str
    published_at: datetime | None
    published_at_given: bool  # False when the field is absent: an existing resource keeps its time
    themes: tuple[str, ...]
    countries: tuple[str, ...]
    tags: tuple[str, ...]
    extra: dict = field(default_factory=dict)


class RecordError(ValueError):
    pass


def type_name(value) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


class RecordValidator:
    """Validates records with the rules of the admin forms. Themes and countries are read once."""

    def __init__(self):
        self.theme_ids = dict(Theme.objects.values_list("slug", "id"))
        self.country_codes = set(Country.objects.values_list("code", flat=True))
        self.fields = known_fields()
        self.extras = extra_field_names()
        self.max_lengths = {
            name: Resource._meta.get_field(name).max_length for name in ("title", "slug", "summary", "body")
        }

    def validate(self, data: dict, line: int = 0) -> Record:
        errors = []
        unknown = [name for name in data if name not in self.fields]
        if unknown:
            errors.append(
                _("unknown fields: %(names)s") % {"names": ", ".join(sorted(map(printable, unknown)))}
            )
        kind = self.text(data, "kind", errors, required=True, strip=True)
        if kind and kind not in Kind.values:
            errors.append(
                _("kind must be one of %(choices)s, not %(value)r")
                % {"choices": ", ".join(Kind.values), "value": shortened(kind)}
            )
        title = self.text(
            data, "title", errors, required=True, strip=True, max_length=self.max_lengths["title"]
        )
        summary = self.text(data, "summary", errors, required=True)
        body = self.text(data, "body", errors)
        slug = self.slug(data, title, errors)
        language = self.text(data, "language", errors, strip=True) or "en"
        if language not in LANGUAGE_NAMES:
            errors.append(
                _("language %(value)r is not one of the library's languages") % {"value": shortened(language)}
            )
        status = self.text(data, "status", errors, strip=True) or Status.DRAFT.value
        if status not in Status.values:
            errors.append(
                _("status must be one of %(choices)s, not %(value)r")
                % {"choices": ", ".join(Status.values), "value": shortened(status)}
            )
        published_at = self.published_at(data, errors)
        themes = self.text_list(data, "themes", errors)
        unknown_themes = [slug for slug in themes if slug not in self.theme_ids]
        if unknown_themes:
            errors.append(
                _("unknown themes: %(names)s") % {"names": ", ".join(map(printable, unknown_themes))}
            )
        countries = [code.upper() for code in self.text_list(data, "countries", errors)]
        unknown_countries = [code for code in countries if code not in self.country_codes]
        if unknown_countries:
            errors.append(
                _("unknown country codes (ISO 3166 alpha-2): %(codes)s")
                % {"codes": ", ".join(map(printable, unknown_countries))}
            )
        tags = self.tags(data, errors)
        extra = self.subtype_values(data, kind, errors)
        if errors:
            raise RecordError("; ".join(errors))
        return Record(
            line=line,
            kind=kind,
            title=title,
            slug=slug,
            summary=summary,
            body=body,
            language=language,
            status=status,
            published_at=published_at,
            published_at_given="published_at" in data,
            themes=tuple(sorted(set(themes))),
            countries=tuple(sorted(set(countries))),
            tags=tags,
            extra=extra,
        )

    def text(self, data, name, errors, *, required=False, strip=False, max_length=None) -> str:
        value = data.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors.append(
                _("%(field)s must be text, not %(type)s") % {"field": name, "type": type_name(value)}
            )
            return ""
        if not text_is_storable(value):
            errors.append(
                _("%(field)s contains characters that cannot be stored (NUL or a lone surrogate)")
                % {"field": name}
            )
            return ""
        if strip:
            value = value.strip()
        if required and not value.strip():
            errors.append(_("%(field)s is required") % {"field": name})
        if max_length and len(value) > max_length:
            errors.append(
                _("%(field)s is %(length)d characters long; at most %(max)d are allowed (it is never cut)")
                % {"field": name, "length": len(value), "max": max_length}
            )
        return value

    def text_list(self, data, name, errors) -> list[str]:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            errors.append(_("%(field)s must be a list of text") % {"field": name})
            return []
        if not all(text_is_storable(item) for item in value):
            errors.append(_("%(field)s contains characters that cannot be stored") % {"field": name})
            return []
        return [item.strip() for item in value if item.strip()]

    def slug(self, data, title, errors) -> str:
        given = "slug" in data and data["slug"] not in (None, "")
        slug = (
            self.text(data, "slug", errors, strip=True, max_length=self.max_lengths["slug"]) if given else ""
        )
        if given:
            if slug and not slug_re.match(slug):
                errors.append(
                    _("slug %(value)r may only contain %(allowed)s")
                    % {"value": shortened(slug), "allowed": SLUG_PATTERN_HELP}
                )
            return slug
        slug = slugify(title)[: self.max_lengths["slug"]].strip("-")
        if title and not slug:
            errors.append(_("no slug can be made from this title; give a slug"))
        return slug

    def published_at(self, data, errors) -> datetime | None:
        value = data.get("published_at")
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            errors.append(_("published_at must be text, not %(type)s") % {"type": type_name(value)})
            return None
        try:
            return parse_published_at(value.strip())
        except OverflowError:
            errors.append(
                _("published_at %(value)r lies outside the years 1 to 9999 once converted to UTC")
                % {"value": shortened(value)}
            )
        except ValueError:
            errors.append(
                _(
                    "published_at %(value)r is not an ISO 8601 date (2019-05-01) or date-time "
                    "(2019-05-01T09:30:00+02:00)"
                )
                % {"value": shortened(value)}
            )
        return None

    def tags(self, data, errors) -> tuple[str, ...]:
        names, seen = [], set()
        for name in self.text_list(data, "tags", errors):
            if len(name) > TAG_MAX_LENGTH:
                errors.append(
                    _("the tag %(name)r is longer than %(max)d characters")
                    % {"name": shortened(name), "max": TAG_MAX_LENGTH}
                )
            elif LIST_SEPARATOR in name:
                errors.append(
                    _("the tag %(name)r contains ; (it separates tags in CSV)") % {"name": shortened(name)}
                )
            elif name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
        return tuple(names)

    def subtype_values(self, data, kind, errors) -> dict:
        allowed = subtypes.extra_fields(kind) if kind in Kind.values else ()
        extra = {}
        for name in self.extras:
            if name in allowed:
                model_field = subtypes.model_for(kind)._meta.get_field(name)
                strip = model_field.get_internal_type() == "CharField"
                extra[name] = self.text(data, name, errors, strip=strip, max_length=model_field.max_length)
            elif data.get(name) not in (None, ""):
                errors.append(_("%(field)s belongs to case studies only") % {"field": name})
        return extra


def text_is_storable(value: str) -> bool:
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_published_at(value: str) -> datetime:
    """An ISO 8601 date means midnight UTC; a date-time without an offset is read as UTC.
    ValueError when the text is not ISO 8601, OverflowError when UTC falls outside years 1-9999."""
    if len(value) == 10:
        day = date.fromisoformat(value)
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
