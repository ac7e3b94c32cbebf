"""The occupation and skill vocabulary the search uses to widen a query ("moto repair" also finds
"Motorbike Mechanic", "ជាងកាត់ដេរ" also finds "Sewing Machine Operator").

The data is `data/vocabulary.csv`, one concept a row, first row the header:

- `concept`: a stable id (`motorbike_mechanic`), lowercase with underscores.
- `sector`: the group it belongs to (`garment`, `hospitality`, `construction`, `repair`, `it`, ...).
- `english`: English terms, the usual name first, then variants; `;` separates terms.
- `khmer`: Khmer terms in Unicode as Cambodians write them (no zero-width spaces), `;`-separated.
- `misspellings`: common misspellings and romanized Khmer ("motorbik mechanc", "kat der"), may be
  empty. They find the concept but are never searched for themselves.
- `isco`: the occupation's ISCO-08 minor group, 3 digits ("753" garment trades); empty only for
  what is not an occupation (the `languages` and `general` sectors). See portal/occupations.

A term belongs to one concept only (tests/search/test_vocabulary.py checks it), so widening a query
never jumps from one trade to an unrelated one. Terms are compared lowercased with spaces collapsed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VOCABULARY_FILE = Path(__file__).parent / "data" / "vocabulary.csv"


@dataclass(frozen=True)
class Concept:
    id: str
    sector: str
    english: tuple[str, ...]
    khmer: tuple[str, ...]
    misspellings: tuple[str, ...] = ()
    isco: str | None = None  # ISCO-08 minor group; None: not an occupation (a language)

    @property
    def terms(self) -> tuple[str, ...]:
        """The English and Khmer terms (not the misspellings), usual name first."""
        return self.english + self.khmer


def fold(term: str) -> str:
    """The comparable form of a term: lowercase, single spaces."""
    return " ".join(term.casefold().split())


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(t for t in (" ".join(part.split()) for part in (cell or "").split(";")) if t)


@cache
def concepts() -> tuple[Concept, ...]:
    """Every concept of the vocabulary, in file order (read once)."""
    with open(VOCABULARY_FILE, encoding="utf-8", newline="") as f:
        return tuple(
            Concept(
                id=row["concept"].strip(),
                sector=row["sector"].strip(),
                english=_split(row["english"]),
                khmer=_split(row["khmer"]),
                misspellings=_split(row["misspellings"]),
                isco=(row.get("isco") or "").strip() or None,
            )
            for row in csv.DictReader(f)
        )


@cache
def _concepts_by_term() -> dict[str, tuple[Concept, ...]]:
    table: dict[str, list[Concept]] = {}
    for concept in concepts():
        for term in concept.terms + concept.misspellings:
            found = table.setdefault(fold(term), [])
            if concept not in found:
                found.append(concept)
    return {term: tuple(found) for term, found in table.items()}


def concepts_of(term: str) -> tuple[Concept, ...]:
    """The concepts that have `term` (any case; a misspelling counts) among their terms."""
    return _concepts_by_term().get(fold(term), ())


def synonyms_of(term: str) -> set[str]:
    """Every English and Khmer term of every concept containing `term`, folded; empty when the
    term is not in the vocabulary. The term itself is included (unless it is a misspelling)."""
    return {fold(t) for concept in concepts_of(term) for t in concept.terms}


@cache
def all_terms() -> frozenset[str]:
    """Every English and Khmer term of the vocabulary, folded (misspellings left out)."""
    return frozenset(fold(t) for concept in concepts() for t in concept.terms)
