"""A few words of a result's text around the first word the query matched, marked up safely."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from library.search.analysis import normalise, stem
from library.search.query import ParsedQuery

TOKEN = re.compile(r"[^\W_]+")
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`#|~]+|<[^<>]{0,200}>|(?m:^\s*>+)")
BEFORE, AFTER = 12, 24


def plain(text: str) -> str:
    return " ".join(MARKUP.sub(" ", MARKDOWN_LINK.sub(r"\1", text)).split())


class Highlighter:
    def __init__(self, query: ParsedQuery):
        self.terms = query.highlight_terms()
        self.prefixes = query.highlight_prefixes()

    def __bool__(self):
        return bool(self.terms or self.prefixes)

    def is_match(self, token: str, language: str) -> bool:
        word = normalise(token)
        return (
            word in self.terms
            or stem(word, language) in self.terms
            or word.startswith(self.prefixes or ("\0",))
        )

    def matches(self, text: str, language: str) -> bool:
        return any(self.is_match(m.group(), language) for m in TOKEN.finditer(text))

    def snippet(self, text: str, language: str) -> SafeString | None:
        """The words around the first match, escaped, with each matching word in <mark>; None
        when nothing in the text matches."""
        text = plain(text)
        tokens = list(TOKEN.finditer(text))
        first = next((i for i, m in enumerate(tokens) if self.is_match(m.group(), language)), None)
        if first is None:
            return None
        start_index = max(0, first - BEFORE)
        end_index = min(len(tokens), first + AFTER)
        start = tokens[start_index].start() if start_index else 0
        end = tokens[end_index - 1].end() if end_index < len(tokens) else len(text)
        pieces = ["… " if start_index else ""]
        cursor = start
        for token in tokens[start_index:end_index]:
            pieces.append(escape(text[cursor : token.start()]))
            word = escape(token.group())
            pieces.append(f"<mark>{word}</mark>" if self.is_match(token.group(), language) else word)
            cursor = token.end()
        pieces.append(escape(text[cursor:end]))
        pieces.append(" …" if end_index < len(tokens) else "")
        return mark_safe("".join(pieces))  # noqa: S308 - every piece of text above is escaped
