"""Typing mistakes, corrected against the words the index really holds (and the vocabulary's).

The rule of thumb search engines use (Meilisearch): no typo allowed in a word under 5 letters,
one in a word of 5 to 8, two from 9. A transposition ("mehcanic") counts as one. A word of 3 or 4
letters that no opening uses may still have one letter left out ("bakr", "chf"): it becomes a
word one letter longer that openings use (the vocabulary's, or any word in several openings),
never a word of the same length (too many short words are one letter apart). Among the
nearest words, the ones in more openings come first. A word the index already holds is left
alone unless it is rare and a far more common word is one typo away (an employer's own typo).
Khmer words are not corrected this way: one letter apart are often two different words; the
engine matches Khmer words inside longer ones instead (see expansion.py), and reads unknown ones
through the letters Khmer writers confuse (khmer_spelling.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from portal.search.analysis import is_khmer
from portal.search.catalog import Catalog

MAX_CORRECTIONS = 3  # nearest words kept per typed word
RARE_RATIO = 10  # an indexed word this many times rarer than its neighbour may be a typo
MIN_COMMON = 3  # ...when the neighbour is in at least this many openings
SHORTEST_MISSING = 3  # letters: a shorter word is not read as one with a letter left out


@dataclass(frozen=True)
class Correction:
    term: str
    distance: int
    frequency: int  # openings with the term (0: a vocabulary word no opening uses yet)


def allowed_typos(word: str) -> int:
    """How many typing mistakes a word of this length may hold."""
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


def corrections(
    catalog: Catalog, term: str, typed: str, known: frozenset[str] = frozenset()
) -> list[Correction]:
    """The words `typed` (stemmed: `term`) was probably meant to be, nearest and most common
    first; empty when it needs no correction. `known` are the vocabulary's words: never
    corrected, and candidates even when no opening uses them yet."""
    if term in known or is_khmer(term) or not typed.isalpha():
        return []
    limit = allowed_typos(typed)
    if limit == 0 and (len(typed) < SHORTEST_MISSING or term in catalog.document_frequency):
        return []
    key = (term, typed)
    cached = catalog.memo("corrections").get(key)
    if cached is None:
        if limit:
            cached = _corrections(catalog, term, typed, limit, known)
        else:
            cached = _letter_missing(catalog, typed, known)
        catalog.memo("corrections")[key] = cached
    return cached


def _letter_missing(catalog: Catalog, typed: str, known: frozenset[str]) -> list[Correction]:
    """The words `typed` is with one letter left out, only those some opening uses (the
    vocabulary's) or at least MIN_COMMON do (any other word): vocabulary words first, then
    the most common."""
    frequency = catalog.document_frequency
    longer = _choices(catalog, typed, len(typed) + 1, 0, known)
    matches = process.extract(typed, longer, scorer=Indel.distance, score_cutoff=1, limit=None)
    found = [
        Correction(word, 1, frequency.get(word, 0))
        for word, _distance, _index in matches
        if frequency.get(word, 0) >= (1 if word in known else MIN_COMMON)
    ]
    found.sort(key=lambda c: (-(c.term in known), -c.frequency, c.term))
    return found[:MAX_CORRECTIONS]


def _corrections(catalog, term, typed, limit, known) -> list[Correction]:
    frequency = catalog.document_frequency
    own = frequency.get(term, 0)
    found: dict[str, int] = {}
    for word in {term, typed}:
        for candidate, distance in _near(catalog, word, limit, known):
            if candidate != term:
                found[candidate] = min(distance, found.get(candidate, limit))
    ranked = [Correction(c, d, frequency.get(c, 0)) for c, d in found.items()]
    if own:  # the typed word is in the index: only a far more common neighbour replaces it
        ranked = [c for c in ranked if c.frequency >= max(MIN_COMMON, own * RARE_RATIO)]
    if not ranked:
        return []
    nearest = min(c.distance for c in ranked)
    ranked = [c for c in ranked if c.distance == nearest]
    ranked.sort(key=lambda c: (-(c.term in known), -c.frequency, c.term))
    return ranked[:MAX_CORRECTIONS]


def _near(catalog: Catalog, word: str, limit: int, known: Iterable[str]):
    """(candidate, distance) for the index's and the vocabulary's words within `limit` typos."""
    choices = _choices(catalog, word, len(word), limit, known)
    matches = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return [(choice, int(distance)) for choice, distance, _index in matches]


def _choices(catalog: Catalog, word: str, length: int, limit: int, known: Iterable[str]):
    """The words whose length is within `limit` of `length`: every such word of the index (cached
    per index generation), or, from a lexicon that finds words like `word` itself (PostgreSQL's
    trigram index), those; the vocabulary's words of those lengths in both cases."""
    memo = catalog.memo("choices")
    key = (length, limit) if catalog.lists_every_term else (word, length, limit)
    if key not in memo:
        lengths = range(length - limit, length + limit + 1)
        words = set(catalog.spelling_candidates(word, lengths))
        words.update(w for w in known if abs(len(w) - length) <= limit and w.isalpha())
        memo[key] = sorted(words)
    return memo[key]
