"""The candidates page's short list: the best few who really fit, the rest on demand."""

from __future__ import annotations

from dataclasses import dataclass

from portal.matching.scoring import WEIGHTS, Match
from portal.youth.models import YouthProfile

SHORT_LIST = 10
# The place and the kind of work alone give at most 0.40 (portal/matching/scoring.WEIGHTS):
# above 0.5 some of the opening's skills match, which is what makes a referral worth a call.
USEFUL_SCORE = 0.5
assert WEIGHTS["place"] + WEIGHTS["kind"] < USEFUL_SCORE

Candidate = tuple[YouthProfile, Match]


@dataclass(frozen=True)
class Shortlist:
    rows: list[Candidate]
    hidden: int  # how many more "Show more" adds

    @property
    def is_complete(self) -> bool:
        return self.hidden == 0


def shortlist(found: list[Candidate], show_all: bool = False) -> Shortlist:
    """The best SHORT_LIST above USEFUL_SCORE (best first, as found), or everyone found."""
    if show_all:
        return Shortlist(rows=found, hidden=0)
    rows = [row for row in found if row[1].score >= USEFUL_SCORE][:SHORT_LIST]
    return Shortlist(rows=rows, hidden=len(found) - len(rows))
