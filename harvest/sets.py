"""OAI-PMH sets: by kind (`kind:toolkit`) and by theme (`theme:electoral-processes`); the parents
`kind` and `theme` hold every resource with a kind (all) or with a theme."""

from library.models.resources import Kind
from library.themes import THEMES


def all_sets():
    """[(setSpec, setName)] in the order ListSets gives them."""
    sets = [("kind", "Kinds of resource")]
    sets += [(f"kind:{value}", str(label)) for value, label in Kind.choices]
    sets += [("theme", "Themes")]
    sets += [(f"theme:{slug}", str(name)) for slug, name in THEMES]
    return sets


SPECS = {spec for spec, _name in all_sets()}


def specs_of(resource) -> list[str]:
    """The sets a resource (with its themes prefetched or not) belongs to."""
    specs = [f"kind:{resource.kind}"]
    specs += sorted(f"theme:{theme.slug}" for theme in resource.themes.all())
    return specs


def stored(specs) -> str:
    return f" {' '.join(specs)} " if specs else ""
