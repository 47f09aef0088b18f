"""Kinds that add fields of their own register here, so `library` never imports them.

`casestudies` registers the CaseStudy model (multi-table inheritance of Resource) in its
AppConfig.ready(); the detail view, the importer and the exporter ask this registry which model,
template and extra fields a kind has.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Subtype:
    kind: str
    model: type
    # the <article> of its page (library/resource_article.html, extended)
    article_template: str
    # extra fields, in the import format's names, that the subtype model stores
    fields: tuple[str, ...] = field(default_factory=tuple)
    # resource ids -> {id: text}: more words the search index weighs like the body (case-study lessons)
    search_text: Callable[[list[int]], dict[int, str]] | None = None


_registry: dict[str, Subtype] = {}


def register(subtype: Subtype) -> None:
    _registry[subtype.kind] = subtype


def subtype_for(kind: str) -> Subtype | None:
    return _registry.get(kind)


def all_subtypes() -> list[Subtype]:
    return list(_registry.values())


def model_for(kind: str):
    from library.models import Resource

    subtype = _registry.get(kind)
    return subtype.model if subtype else Resource


def article_template_for(kind: str) -> str:
    subtype = _registry.get(kind)
    return subtype.article_template if subtype else "library/resource_article.html"


def extra_fields(kind: str) -> tuple[str, ...]:
    subtype = _registry.get(kind)
    return subtype.fields if subtype else ()
