"""Text analysis shared by both database backends: the same words go into the index and into
queries whichever database runs, so PostgreSQL and SQLite give the same answers.

normalise (Unicode compatibility form, accents and Arabic vowel marks removed, case folded) ->
split into words (Chinese and Japanese characters one by one) -> leave out the language's stop
words -> stem with the language's Snowball stemmer (English, French, Spanish, Portuguese,
Russian, Arabic; other languages are matched word for word).
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

from library.search.stopwords import QUERY_STOP_WORDS, STOP_WORDS

STEMMERS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ru": "russian",
    "ar": "arabic",
}
MAX_WORD_LENGTH = 60
WORD = re.compile(r"[^\W_]+")
# scripts written without spaces between words: each character is a word
IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _is_removable_mark(char):
    code = ord(char)
    return 0x0300 <= code <= 0x036F or 0x064B <= code <= 0x065F or code == 0x0670


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not _is_removable_mark(char))
    return unicodedata.normalize("NFC", stripped).casefold()


_fold_short = lru_cache(maxsize=8192)(_fold)


def normalise(text: str) -> str:
    """Compatibility form, accents and Arabic vowel marks removed, case folded."""
    return _fold_short(text) if len(text) < 64 else _fold(text)


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    found = []
    for match in WORD.finditer(normalise(text)):
        word = match.group()
        if IDEOGRAPHIC.search(word):
            found.extend(_split_ideographs(word))
        elif len(word) <= MAX_WORD_LENGTH:
            found.append(word)
    return found


def _split_ideographs(word):
    pieces, latin = [], ""
    for char in word:
        if IDEOGRAPHIC.match(char):
            if latin:
                pieces.append(latin)
                latin = ""
            pieces.append(char)
        else:
            latin += char
    if latin:
        pieces.append(latin)
    return [piece for piece in pieces if len(piece) <= MAX_WORD_LENGTH]


@cache
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    if language not in STEMMERS or not word.isalpha():
        return word
    return _stemmer(language).stemWord(word)


def index_terms(text: str, language: str) -> list[str]:
    """What a resource written in `language` puts into the index for this text, in order."""
    stop = STOP_WORDS.get(language, frozenset())
    return [stem(word, language) for word in words(text) if word not in stop]


def query_alternatives(word: str) -> tuple[str, ...]:
    """The index terms a normalised query word may have become in a resource of any language."""
    return tuple(sorted({word, *(stem(word, language) for language in STEMMERS)}))


def is_query_stop_word(word: str) -> bool:
    return word in QUERY_STOP_WORDS
