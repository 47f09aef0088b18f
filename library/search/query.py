"""Web-search syntax, parsed once for both backends.

    election observation      both words (in any field, any order)
    "election observation"    the exact phrase
    -radio                    without this word (or "-exact phrase")
    radio or television       either word (also OR, |)
    observ*                   words beginning with "observ"

Any string is a valid query: what cannot be read is ignored, and the size of what is kept is
bounded, so a 10,000-character query costs no more than a short one.
"""

import re
from dataclasses import dataclass
from itertools import product

from library.search.analysis import is_query_stop_word, query_alternatives, stem, words

MAX_GROUPS = 12  # words or phrases that must all match
MAX_ALTERNATIVES = 6  # "or" choices in one group
MAX_EXCLUDED = 8
MAX_PHRASE_WORDS = 8
MAX_PHRASE_VARIANTS = 16  # spellings of one phrase once each word's stems are combined
MIN_PREFIX = 2

CHUNK = re.compile(r'(-?)"([^"]*)"?|(\S+)')
OR_WORDS = {"or", "|"}


@dataclass(frozen=True)
class Term:
    """One word or phrase. `variants` are the index-term sequences it matches (a phrase lists each
    combination of its words' stems); `words` the normalised words, for highlighting."""

    variants: tuple[tuple[str, ...], ...]
    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Term, ...], ...]  # every group must match: one of its terms
    excluded: tuple[Term, ...]

    def __bool__(self):
        return bool(self.groups or self.excluded)

    def exclusions(self) -> "ParsedQuery":
        """The excluded words as a query of their own (what a match must not match)."""
        return ParsedQuery(groups=(self.excluded,), excluded=())

    def positive(self) -> "ParsedQuery":
        """The query without its exclusions."""
        return ParsedQuery(groups=self.groups, excluded=())

    @property
    def positive_terms(self):
        return [term for group in self.groups for term in group]

    def highlight_terms(self) -> set[str]:
        """Index terms whose words a snippet marks."""
        return {t for term in self.positive_terms if not term.prefix for v in term.variants for t in v}

    def highlight_prefixes(self) -> tuple[str, ...]:
        return tuple(term.words[0] for term in self.positive_terms if term.prefix)


def _term(text, *, quoted):
    prefix = not quoted and text.endswith("*")
    found = [w for w in words(text) if not is_query_stop_word(w)][:MAX_PHRASE_WORDS]
    if not found:
        return None
    if prefix and len(found) == 1 and len(found[0]) >= MIN_PREFIX:
        return Term(variants=((found[0],),), words=(found[0],), prefix=True)
    alternatives = [query_alternatives(word) for word in found]
    variants = list(product(*alternatives))
    if len(variants) > MAX_PHRASE_VARIANTS:
        # keep each word's English stem (or the word itself) so long phrases stay bounded
        variants = [
            tuple(
                options[0] if len(options) == 1 else stem(word, "en")
                for word, options in zip(found, alternatives, strict=True)
            )
        ]
    return Term(variants=tuple(variants), words=tuple(found))


def parse(text: str) -> ParsedQuery:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in CHUNK.finditer(text or ""):
        negative, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare.lower() in OR_WORDS:
            join_next = bool(groups)
            continue
        if bare is not None:
            negative, raw = ("-", bare[1:]) if bare.startswith("-") and len(bare) > 1 else ("", bare)
            term = _term(raw, quoted=False)
        else:
            term = _term(quoted, quoted=True)
        if term is None:
            continue
        if negative:
            if len(excluded) < MAX_EXCLUDED:
                excluded.append(term)
            join_next = False
        elif join_next and len(groups[-1]) < MAX_ALTERNATIVES:
            groups[-1].append(term)
            join_next = False
        elif len(groups) < MAX_GROUPS:
            groups.append([term])
            join_next = False
        if len(groups) >= MAX_GROUPS and len(excluded) >= MAX_EXCLUDED:
            break
    return ParsedQuery(groups=tuple(tuple(g) for g in groups), excluded=tuple(excluded))
