"""Occupations in the standard the national employment agency and donors read: the ISCO-08
minor groups (3 digits, "753" garment and related trades workers).

`data/isco08_minor_groups.csv` is the ILO's list (see data/SOURCE.md); the search vocabulary
(portal/search/data/vocabulary.csv) gives each occupation concept its group, and `isco_for`
finds an opening's group from its title and skills through that vocabulary.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from portal.search.vocabulary import Concept, concepts, fold

MINOR_GROUPS_FILE = Path(__file__).parent / "data" / "isco08_minor_groups.csv"


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with open(MINOR_GROUPS_FILE, encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def minor_groups(language: str = "en") -> dict[str, str]:
    """{code: title} of the 130 ISCO-08 minor groups in code order, the titles in English (the
    ILO's) or in Khmer ("km")."""
    column = "title_km" if language == "km" else "title"
    return {row["code"]: row[column] for row in _rows()}


@cache
def _occupation_terms() -> tuple[tuple[str, Concept], ...]:
    """(folded term, concept) of every occupation's terms and misspellings."""
    pairs = {
        (fold(term), concept)
        for concept in concepts()
        if concept.isco
        for term in concept.terms + concept.misspellings
    }
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0], pair[1].id)))


def _position(text: str, term: str) -> int | None:
    """Where `term` starts in `text`, or None."""
    if term.isascii():  # Latin words: whole words only ("cook" is not in "cookie")
        found = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text)
        return found.start() if found else None
    start = text.find(term)  # Khmer is written without spaces between words
    return start if start >= 0 else None


def _group_in(text: str) -> str | None:
    """The group of the occupation named first in `text` (the longest term where two start
    together: "garment quality control" before "garment"): "Cook for a guesthouse" is a cook."""
    folded = fold(text)
    found = []
    for term, concept in _occupation_terms():
        start = _position(folded, term)
        if start is not None:
            found.append((start, -len(term), concept.isco))
    return min(found)[2] if found else None


def isco_for(title: str | None, skills: list[str] | tuple[str, ...] = ()) -> str | None:
    """The ISCO-08 minor group of an opening: from the most specific occupation its title
    names, else from its skills in order; None when nothing in the vocabulary says."""
    for text in (title or "", *skills):
        if group := _group_in(text):
            return group
    return None
