"""Which occupation group an opening is counted in: its ISCO-08 minor group (3 digits) when
the opening carries an ISCO code, else the minor group of the search vocabulary's concept its
title names (when concepts carry one), else that concept's id, else "other". One small function,
so the grouping can switch without touching the computation."""

from __future__ import annotations

from functools import cache

from portal.jobs.models import Opening
from portal.search.vocabulary import Concept, concepts, fold

OTHER = "other"


ISCO_NAMES = ("isco", "isco_code", "isco08")  # what an ISCO-08 attribute may be called


def opening_isco_column():
    """Opening's ISCO-08 code column, or None while openings have none."""
    return next((getattr(Opening, n) for n in ISCO_NAMES if hasattr(Opening, n)), None)


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
    concept_isco = next((getattr(concept, n) for n in ISCO_NAMES if hasattr(concept, n)), None)
    return minor_group(concept_isco) or concept.id


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
        if f" {term} " in words or (_is_khmer(term) and term in words):
            return concept
    return None


def _is_khmer(term: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in term)
