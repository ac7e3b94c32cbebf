"""Matching: openings suggested to a young person, candidates ranked for an opening, each with
the reasons behind its score. Pure functions over plain data (profiles.py); no database, no HTTP.

- `suggest_openings(candidate, offers, day, neighbours)`: the best openings for one person;
- `rank_candidates(offer, candidates, day, neighbours)`: the best people for one opening.

Both skip every pair a hard rule refuses (rules.py) and score the rest the same way (scoring.py).
`neighbours(province_code) -> set of province codes` is passed in (portal.places adjacency).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from datetime import date
from functools import cache

from portal.matching.profiles import Candidate, Offer, from_opening, from_youth
from portal.matching.scoring import Match, Neighbours, Reason, score
from portal.matching.skills import best_of

__all__ = [
    "Candidate",
    "Match",
    "Offer",
    "Reason",
    "from_opening",
    "from_youth",
    "rank_candidates",
    "score",
    "suggest_openings",
]


def best_matches(scored: Iterable[Match | None], limit: int) -> list[Match]:
    """The `limit` highest scores, refused pairs (None) left out; ties: the lower id first."""
    kept = (m for m in scored if m is not None)
    return heapq.nlargest(limit, kept, key=lambda m: (m.score, -m.offer_id - m.candidate_id))


def suggest_openings(
    candidate: Candidate,
    offers: Iterable[Offer],
    day: date,
    neighbours: Neighbours,
    limit: int = 10,
) -> list[Match]:
    """The `limit` best openings for `candidate` on `day`, best first (refused ones skipped)."""
    near = cache(neighbours)
    best = best_of(candidate.skill_texts)
    return best_matches((score(candidate, offer, day, near, best) for offer in offers), limit)


def rank_candidates(
    offer: Offer,
    candidates: Iterable[Candidate],
    day: date,
    neighbours: Neighbours,
    limit: int = 50,
    consented_only: bool = False,
) -> list[Match]:
    """The `limit` best young people for `offer` on `day`, best first (refused ones skipped;
    with `consented_only`, only those who agreed to share their profile: what employers see)."""
    if consented_only:
        candidates = (c for c in candidates if c.consent)
    near = cache(neighbours)
    return best_matches((score(candidate, offer, day, near) for candidate in candidates), limit)
