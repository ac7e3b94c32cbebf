"""Choosing the openings of one young person's digest: plain data, no database, so the command
can run it in several processes and the bench can time it alone.

A digest lists first what her saved searches found (she asked for those), then what fits her
profile, each scored by the matching engine (portal.matching: the OfferIndex of the new
openings, the same scores as suggest_openings) and listed best first. An opening a hard rule
refuses her (too young, hazardous work for a minor) is never listed, even if a search found it;
nor one in `excluded` (already sent, applied to, "not for me")."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from portal.matching import Candidate, Match, score
from portal.matching.index import OfferIndex

# An opening in her province, of the kind she wants, that shares nothing with her skills scores
# at most 0.25 + 0.15 = 0.40 (portal/matching/scoring.py): a profile alert needs more than that.
FITS_ABOVE = 0.40


@dataclass(frozen=True)
class Pick:
    match: Match
    search_id: int | None  # the saved search that found it, None: it fits her profile


def _order(pick: Pick) -> tuple[float, int]:
    return (-pick.match.score, pick.match.offer_id)


def pick_openings(
    candidate: Candidate,
    index: OfferIndex,
    limit: int,
    excluded: Collection[int] = (),
    searched: Mapping[int, int] | None = None,
) -> list[Pick]:
    """At most `limit` of the index's openings for her, best first. `searched` maps the
    openings her saved searches found to the search that found them."""
    found = []
    for offer_id, search_id in (searched or {}).items():
        offer = None if offer_id in excluded else index.offer(offer_id)
        match = offer and score(candidate, offer, index.day, index.neighbours)
        if match:
            found.append(Pick(match, search_id))
    found = sorted(found, key=_order)[:limit]
    if len(found) < limit and candidate.skills:
        taken = {pick.match.offer_id for pick in found}
        fitting = index.suggest(
            candidate, limit - len(found), excluded=taken.union(excluded), above=FITS_ABOVE
        )
        found += [Pick(m, None) for m in fitting if m.reason("skills")]
    return sorted(found, key=_order)
