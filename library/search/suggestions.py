""" "Did you mean ...?": each query word the library does not know, replaced by the closest word of
its titles and tags — offered only when the corrected query finds published resources."""

import difflib
import re

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Length, Substr

from library.models import SearchWord
from library.search import matching, parse
from library.search.analysis import normalise

TOKEN = re.compile(r"[^\W_]+")
MAX_WORDS = 8
CLOSE_ENOUGH = 0.75


def suggest(filterset) -> dict | None:
    query = filterset.parsed_query
    asked = list(dict.fromkeys(w for term in query.positive_terms if not term.prefix for w in term.words))
    asked = [word for word in asked if word.isalpha()][:MAX_WORDS]
    if not asked:
        return None
    known = set(_candidates(asked))
    replacements = {}
    for word in asked:
        if word in known:
            continue
        close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=CLOSE_ENOUGH)
        if close:
            replacements[word] = close[0]
    if not replacements:
        return None
    corrected = TOKEN.sub(lambda m: replacements.get(normalise(m.group()), m.group()), filterset.query)
    if not matching(filterset.filtered_without("q"), parse(corrected)).exists():
        return None
    params = filterset.data.copy()
    params["q"] = corrected
    params.pop("page", None)
    return {"query": corrected, "address": params.urlencode()}


def _candidates(words):
    """Vocabulary words that may be what was meant: trigram-similar on PostgreSQL (pg_trgm's GIN
    index), same first letter and a similar length on SQLite."""
    if connection.vendor == "postgresql":
        condition = " OR ".join(["word %% %s"] * len(words))
        closeness = "GREATEST(" + ", ".join(["similarity(word, %s)"] * len(words)) + ")"
        matches = SearchWord.objects.extra(  # noqa: S610 - constant SQL, the words travel as parameters
            select={"closeness": closeness}, select_params=words, where=[condition], params=words
        )
        return matches.order_by("-closeness").values_list("word", flat=True)[:500]
    condition = Q()
    for word in words:
        condition |= Q(first=word[0], length__gte=len(word) - 2, length__lte=len(word) + 2)
    return (
        SearchWord.objects.annotate(first=Substr("word", 1, 1), length=Length("word"))
        .filter(condition)
        .values_list("word", flat=True)[:5000]
    )
