"""Which occupation group an opening is counted in: its ISCO-08 minor group (3 digits) when
openings carry an `isco` code, else the search vocabulary's concept its title names, else
"other". One small function, so the grouping can switch without touching the computation."""

from __future__ import annotations

from functools import cache

from portal.jobs.models import Opening
from portal.search.vocabulary import concepts, fold

OTHER = "other"


def opening_isco_column():
    """Opening's ISCO-08 code column, or None while openings have none."""
    return getattr(Opening, "isco", None)


def occupation_group(isco: str | None, title: str) -> str:
    """The ISCO-08 minor group ("723") of a code, or the concept the title names."""
    if isco:
        digits = "".join(ch for ch in str(isco) if ch.isdigit())
        if len(digits) >= 3:
            return digits[:3]
    return concept_of_title(title or "")


@cache
def _terms_longest_first() -> tuple[tuple[str, str], ...]:
    pairs = [(fold(term), c.id) for c in concepts() for term in c.terms + c.misspellings]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def concept_of_title(title: str) -> str:
    """The concept whose longest term appears in the title as whole words, or "other"."""
    words = f" {' '.join(fold(title).replace(',', ' ').replace('-', ' ').split())} "
    for term, concept_id in _terms_longest_first():
        if f" {term} " in words:
            return concept_id
    return OTHER
