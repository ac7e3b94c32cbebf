"""The words of a query, and the province written among them ("cook siem riep", "PP",
"ពោធិ៍សាត់", "Kg. Chhnang"), which is taken out of the words and becomes a filter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from portal.places import (
    UnknownPlace,
    normalize,
    province_spellings,
    provinces,
    resolve_province,
)
from portal.places.provinces import read_alias_file
from portal.search.analysis import STOPWORDS, is_khmer, split_words

MAX_PLACE_WORDS = 3  # "banteay mean chey", "preah sihanouk ville"
# Short spellings of provinces that are also ordinary words ("sales rep", "Sr. accountant"):
# a province only when typed in capitals.
AMBIGUOUS_SHORT = frozenset({"sr", "rep"})
FUZZY_MIN_LENGTH = 5  # a near spelling is only guessed for names at least this long


@dataclass(frozen=True)
class Word:
    term: str  # as indexed (folded, stemmed)
    text: str  # as typed (folded, not stemmed)
    start: int  # its place in the folded query; the words of one Khmer run share it
    end: int

    @property
    def khmer(self) -> bool:
        return is_khmer(self.term)


@dataclass
class ParsedText:
    words: list[Word]  # the words left once the province is taken out
    province: str | None = None  # the province code found among the words
    province_text: str = ""  # the words that named it, as typed
    province_guessed: bool = False  # found as a near spelling, not an exact one


def parse_words(text: str) -> list[Word]:
    """Every word of `text`, in order (Khmer runs cut into words)."""
    return [Word(term, word, start, end) for term, word, start, end in split_words(text)]


def parse_text(text: str, is_known_word=lambda term: False) -> ParsedText:
    """The words of `text` with the first province they name taken out.

    `is_known_word(term)` tells words of the index or the vocabulary: those are never taken for
    a province by a near spelling ("sewing", "cooking")."""
    words = parse_words(text)
    found = _find_province(words, text, exact=True) or _find_province(
        words, text, exact=False, is_known_word=is_known_word
    )
    if found is None:
        return ParsedText(words)
    start, end, code = found
    return ParsedText(
        words[:start] + words[end:],
        province=code,
        province_text=joined(words[start:end]),
        province_guessed=normalize(joined(words[start:end])) not in province_spellings(),
    )


def without_stopwords(words: list[Word]) -> list[Word]:
    return [word for word in words if word.term not in STOPWORDS]


def _find_province(words: list[Word], original: str, exact: bool, is_known_word=None):
    """(start, end, code) of the longest, then leftmost, run of words naming a province."""
    for size in range(min(MAX_PLACE_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            chunk = words[start : start + size]
            code = (
                _exact_province(chunk, original)
                if exact
                else _guessed_province(chunk, is_known_word)
            )
            if code:
                return start, start + size, code
    return None


def joined(words: list[Word]) -> str:
    """The words as typed: Khmer words of one run together, others with a space between."""
    text = ""
    for before, word in zip([None, *words], words, strict=False):
        glued = before is not None and before.khmer and word.khmer and before.start == word.start
        text += word.text if glued or before is None else " " + word.text
    return text


def _exact_province(words: list[Word], original: str) -> str | None:
    key = normalize(joined(words))
    if not key or key.isdigit() or key not in province_spellings():
        return None
    if key in AMBIGUOUS_SHORT and not re.search(rf"\b{key.upper()}\b", original):
        return None
    return province_spellings()[key]


def _guessed_province(words: list[Word], is_known_word) -> str | None:
    key = normalize(joined(words))
    if len(key) < FUZZY_MIN_LENGTH or any(w.khmer for w in words):
        return None
    if any(w.term in STOPWORDS for w in words):
        return None
    if any(is_known_word(w.term) and w.text not in _place_words() for w in words):
        return None
    try:
        return resolve_province(key).code
    except UnknownPlace:
        return None


@cache
def _place_words() -> frozenset[str]:
    """The words province names are made of ("siem", "reap", "kampong", ...)."""
    spellings = [p.name_en for p in provinces()] + [row["alias"] for row in read_alias_file()]
    return frozenset(w.text for spelling in spellings for w in parse_words(spelling))
