"""What the index holds for each resource: its words, by weight.

    A  title
    B  summary and tags
    C  body, and whatever a subtype adds (a case study's context, approach, results and lessons)
    D  text extracted from its public files
    P  text extracted from its partner-only files (weighed as D; never shown in a snippet)

Each field is cut to a fixed number of words, the same on both databases (PostgreSQL stores at
most 16,383 word positions in one document).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from library import subtypes
from library.search.analysis import index_terms, words

FIELDS = ("a", "b", "c", "d", "p")
LIMITS = {"a": 200, "b": 1000, "c": 6000, "d": 4000, "p": 4000}


@dataclass
class Document:
    resource_id: int
    fields: dict[str, list[str]]
    published_at: datetime | None = None  # breaks ties in ranking, newest first


def suggestion_words(text):
    """Readable words (accents folded) for "Did you mean ...?"."""
    return {word for word in words(text) if word.isalpha() and 3 <= len(word) <= 40}


def build(resource_ids) -> tuple[list[Document], set[str]]:
    """The documents of these resources (those that still exist) and the words they bring to
    the suggestion vocabulary, in a fixed number of queries."""
    from library.models import Resource, ResourceFile, TaggedResource
    from library.models.files import Access

    ids = list(resource_ids)
    rows = Resource.objects.filter(id__in=ids).values_list(
        "id", "language", "title", "summary", "body", "published_at"
    )
    tags = defaultdict(list)
    for resource_id, name in TaggedResource.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__name"
    ):
        tags[resource_id].append(name)
    files = defaultdict(lambda: {"d": [], "p": []})
    for resource_id, access, text in ResourceFile.objects.filter(resource_id__in=ids).values_list(
        "resource_id", "access", "text"
    ):
        files[resource_id]["p" if access == Access.PARTNERS else "d"].append(text)
    extra = defaultdict(list)
    for subtype in subtypes.all_subtypes():
        if subtype.search_text:
            for resource_id, text in subtype.search_text(ids).items():
                extra[resource_id].append(text)

    documents, vocabulary = [], set()
    for resource_id, language, title, summary, body, published_at in rows:
        texts = {
            "a": title,
            "b": "\n".join([summary, *tags[resource_id]]),
            "c": "\n".join([body, *extra[resource_id]]),
            "d": "\n".join(files[resource_id]["d"]),
            "p": "\n".join(files[resource_id]["p"]),
        }
        # a word is rarely longer than 20 characters: cut the text before analysing it
        fields = {
            name: index_terms(text[: LIMITS[name] * 20], language)[: LIMITS[name]]
            for name, text in texts.items()
        }
        documents.append(Document(resource_id, fields, published_at))
        vocabulary |= suggestion_words(" ".join([title, *tags[resource_id]]))
    return documents, vocabulary
