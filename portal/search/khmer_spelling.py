"""Khmer as people write it: a query's Khmer words read through the letters writers confuse.

Each word (or run of words khmercut made of one thing typed together) becomes a "common
expression" (data/khmer_spelling.toml: letters of the same sound written alike, marks people
leave out dropped), the way Chea Sok Huor et al. correct Khmer homophones. When the words as
typed are no term the portal knows, and their expression is that of a vocabulary term (or of a
word in many openings), the search looks for that term and says "did you mean". The same
expression with one more letter (a word typed with a letter missing, ចុងភ for ចុងភៅ) counts
too, for words of at least MIN_MISSING letters.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from portal.search.analysis import fold, is_khmer
from portal.search.catalog import Catalog

SPELLING_FILE = Path(__file__).parent / "data" / "khmer_spelling.toml"
MIN_MISSING = 4  # code points: shorter words are too many letters' neighbours
MIN_COMMON = 3  # an index word outside the vocabulary is a correction when this common...
RARE_RATIO = 10  # ...and this many times more common than the word typed
LONGEST_RUN = 6  # words of one run looked at together


@dataclass(frozen=True)
class Respelling:
    start: int  # the first word respelled (its index in the query's words)
    size: int  # how many words
    typed: str  # the words as typed, together
    text: str  # as usually written (a vocabulary term or an index word)


@dataclass(frozen=True)
class Expressions:
    groups: tuple[tuple[str, ...], ...]  # letters read alike, the first standing for all
    optional: tuple[str, ...]  # marks left out of the expression

    def of(self, text: str) -> str:
        """The common expression of `text` (folded Khmer)."""
        for members in self.groups:
            for member in members[1:]:
                if member in text:
                    text = text.replace(member, members[0])
        for mark in self.optional:
            text = text.replace(mark, "")
        return text


@cache
def expressions() -> Expressions:
    """The groups and marks of data/khmer_spelling.toml (read once), longest letters first."""
    with open(SPELLING_FILE, "rb") as f:
        data = tomllib.load(f)
    groups = [tuple(fold(letter) for letter in group["letters"]) for group in data["group"]]
    groups.sort(key=lambda members: -max(len(m) for m in members))
    return Expressions(tuple(groups), tuple(fold(o["mark"]) for o in data["optional"]))


@dataclass(frozen=True)
class _Known:
    terms: frozenset[str]  # Khmer vocabulary terms, folded, without spaces
    by_expression: dict[str, tuple[str, ...]]
    missing_one: dict[str, tuple[str, ...]]  # an expression with one letter left out -> terms


@cache
def _vocabulary_terms() -> _Known:
    from portal.search.vocabulary import concepts

    terms = frozenset(
        "".join(fold(term).split()) for c in concepts() for term in c.khmer if is_khmer(term)
    )
    return _Known(terms, *_expression_tables(terms))


def _expression_tables(words) -> tuple[dict, dict]:
    exact: dict[str, list[str]] = {}
    missing: dict[str, list[str]] = {}
    of = expressions().of
    for word in sorted(words):
        key = of(word)
        exact.setdefault(key, []).append(word)
        if len(key) > MIN_MISSING:
            for n in range(len(key)):
                missing.setdefault(key[:n] + key[n + 1 :], []).append(word)
    return (
        {k: tuple(v) for k, v in exact.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in missing.items()},
    )


def index_words_read_as(catalog: Catalog, key: str) -> tuple[str, ...]:
    """The index's Khmer words in at least MIN_COMMON openings whose expression is `key` (the
    table of them all kept per generation)."""
    memo = catalog.memo("khmer_expressions")
    if "table" not in memo:
        frequency = catalog.document_frequency
        common = [w for w in catalog.khmer_terms if frequency[w] >= MIN_COMMON]
        memo["table"] = _expression_tables(common)[0]
    return memo["table"].get(key, ())


def respellings(words: Sequence, catalog: Catalog) -> dict[int, Respelling]:
    """The respelled windows of the query's Khmer words, by their first word: longest first,
    left to right, never two over the same word. `words` are query_parse.Word."""
    found: dict[int, Respelling] = {}
    for start, end in _runs(words):
        i = start
        while i < end:
            size, fix = _longest_fix(words, i, end, catalog)
            if fix:
                found[i] = fix
            i += size
    return found


def _runs(words: Sequence) -> list[tuple[int, int]]:
    """(first, past last) of each run of Khmer words typed together."""
    runs: list[tuple[int, int]] = []
    for n, word in enumerate(words):
        if not word.khmer:
            continue
        if runs and runs[-1][1] == n and words[n - 1].start == word.start:
            runs[-1] = (runs[-1][0], n + 1)
        else:
            runs.append((n, n + 1))
    return runs


def _longest_fix(words: Sequence, start: int, end: int, catalog: Catalog):
    """(words to move on by, the respelling starting at `start` or None): the words of a
    vocabulary term typed right are passed over whole."""
    terms = _vocabulary_terms().terms
    for size in range(min(LONGEST_RUN, end - start), 0, -1):
        typed = "".join(w.text for w in words[start : start + size])
        if typed in terms:
            return size, None
        meant = respelled(typed, catalog)
        if meant:
            return size, Respelling(start, size, typed, meant)
    return 1, None


def respelled(typed: str, catalog: Catalog) -> str | None:
    """What `typed` (folded Khmer, one or more words) was meant to be, or None when it is
    known as typed or nothing known reads like it (cached per index generation)."""
    memo = catalog.memo("khmer_respelled")
    if typed not in memo:
        memo[typed] = _respelled(typed, catalog)
    return memo[typed]


def _respelled(typed: str, catalog: Catalog) -> str | None:
    known = _vocabulary_terms()
    frequency = catalog.document_frequency
    own = frequency.get(typed, 0)
    if typed in known.terms or own >= MIN_COMMON:
        return None
    key = expressions().of(typed)
    candidates = known.by_expression.get(key, ())
    if not candidates and len(key) >= MIN_MISSING and not own:
        candidates = known.missing_one.get(key, ())
    if not candidates:
        candidates = tuple(
            w
            for w in catalog.khmer_terms_read_as(key, MIN_COMMON)
            if frequency[w] >= own * RARE_RATIO
        )
    candidates = tuple(c for c in candidates if c != typed)
    if not candidates:
        return None
    return min(candidates, key=lambda c: (Levenshtein.distance(typed, c), -frequency.get(c, 0), c))
