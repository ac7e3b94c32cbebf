"""Which occupation group an opening is counted in: its ISCO-08 minor group (3 digits) when
the opening carries one, else the minor group of the search vocabulary's concept its title names,
else that concept's id (languages, general skills), else "other". One small function,
so the grouping can switch without touching the computation."""

from __future__ import annotations

from functools import cache

from portal.jobs.models import Opening
from portal.khmer import has_khmer
from portal.search.vocabulary import Concept, concepts, fold

OTHER = "other"


def opening_isco_column():
    """The opening's ISCO-08 minor group (from its title and skills, correctable on its form)."""
    return Opening.isco_minor_group


def minor_group(code) -> str | None:
    """The ISCO-08 minor group (its first 3 digits: "723") of a code such as "7231"."""
    digits = "".join(ch for ch in str(code or "") if ch.isdigit())
    return digits[:3] if len(digits) >= 3 else None


def occupation_group(isco: str | None, title: str) -> str:
    """The group an opening with this ISCO code (or None) and title is counted in."""
    group = minor_group(isco)
    if group:
        return group
    concept = concept_of_title(title or "")
    if concept is None:
        return OTHER
    return minor_group(concept.isco) or concept.id


@cache
def _terms_longest_first() -> tuple[tuple[str, Concept], ...]:
    pairs = [(fold(term), c) for c in concepts() for term in c.terms + c.misspellings]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def concept_of_title(title: str) -> Concept | None:
    """The concept with the longest of all terms found in the title: as whole words, or
    anywhere for a Khmer term (Khmer writes no spaces between words)."""
    words = f" {' '.join(fold(title).replace(',', ' ').replace('-', ' ').split())} "
    for term, concept in _terms_longest_first():
        if f" {term} " in words or (has_khmer(term) and term in words):
            return concept
    return None
