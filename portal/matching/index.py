"""Matching at national scale: the open openings of a day (OfferIndex) or all the youth
(CandidateIndex, index_candidates.py) held in arrays, so one person's suggestions or one
opening's candidates take milliseconds, not a second, and give exactly what
suggest_openings / rank_candidates give (the same ids, scores, reasons and order).

How one person is scored against every opening at once:
- skills: their likeness to each distinct opening text (index_skills.TextPool), then per opening
  the best one and the share covered, through entries (opening, text) kept in a CSR layout, so
  only the openings sharing something with the person are touched;
- place, kind, education and languages: a small table per person (one value per province,
  kind, level and language set of the openings), filled by scoring.py's own functions and
  gathered for every opening; the hard rules likewise, per (min_age, hazardous) class;
- the top few by that score are then scored again by scoring.score, which gives the reasons.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from functools import cache

import numpy as np

from portal.matching import best_matches
from portal.matching.index_arrays import (
    REFUSED,
    RESCORED_EXTRA,
    Classes,
    best_positions,
    by_row,
    ranges,
    round4,
)
from portal.matching.index_candidates import CandidateIndex
from portal.matching.index_skills import TextPool
from portal.matching.profiles import Candidate, Offer
from portal.matching.rules import not_open, refusal
from portal.matching.scoring import (
    PLACE_TIERS,
    WEIGHTS,
    Match,
    Neighbours,
    kind_part,
    place_tier,
    score,
    what_is_missing,
)
from portal.matching.skills import BEST_WEIGHT, best_of

__all__ = ["CandidateIndex", "OfferIndex"]

_NOBODY = Candidate(id=0, skills=(), province_code="")  # not_open reads only the opening


class OfferIndex:
    """The openings open on `day`, ready to be ranked for one person at a time."""

    def __init__(self, offers: Iterable[Offer], day: date, neighbours: Neighbours) -> None:
        self.day = day
        self.neighbours = neighbours
        open_ = (o for o in offers if not_open(_NOBODY, o, day) is None)
        self.offers = sorted(open_, key=lambda o: o.id)  # in id order: ties go to the lower id
        self.ids = np.array([o.id for o in self.offers], dtype=np.int64)
        self._index_texts()
        self.places = Classes(self.offers, key=lambda o: o.province_code)
        self.kinds = Classes(self.offers, key=lambda o: o.kind)
        self.needs = Classes(self.offers, key=lambda o: (o.min_education, o.languages))
        # rules.py reads these two fields of an opening once it is open
        self.rules = Classes(self.offers, key=lambda o: (o.min_age, o.hazardous))

    def __len__(self) -> int:
        return len(self.offers)

    def positions(self, ids: Collection[int]) -> np.ndarray:
        """Where these opening ids sit in the index (ids it does not hold left out)."""
        wanted = np.fromiter(ids, dtype=np.int64, count=len(ids))
        found = np.clip(np.searchsorted(self.ids, wanted), 0, max(len(self.ids) - 1, 0))
        if len(self.ids) == 0:
            return np.zeros(0, dtype=np.int64)
        return found[self.ids[found] == wanted]

    def offer(self, offer_id: int) -> Offer | None:
        """The opening with this id, if the index holds it."""
        found = self.positions([offer_id])
        return self.offers[found[0]] if found.size else None

    def _index_texts(self) -> None:
        """Entries (opening, text) in opening order, skills then title, as match_skills reads
        them; `counted` marks those that count toward the share covered."""
        self.pool = TextPool()
        owners, texts, counted, wanted = [], [], [], []
        for number, offer in enumerate(self.offers):
            title = offer.title_text
            for item in offer.skill_texts:
                owners.append(number)
                texts.append(self.pool.add(item))
                counted.append(True)
            owners.append(number)  # the title, counted only when there are no skills
            texts.append(self.pool.add(title))
            counted.append(not offer.skill_texts)
            wanted.append(len(offer.skill_texts) or 1)
        self.pool.freeze()
        self.entry_offer = np.array(owners, dtype=np.int64)
        self.entry_text = np.array(texts, dtype=np.int64)
        self.entry_counted = np.array(counted, dtype=bool)
        self.wanted = np.array(wanted, dtype=np.float64)
        self.text_order, self.text_pointers = by_row(self.entry_text, len(self.pool.texts))

    def scores(self, candidate: Candidate) -> np.ndarray:
        """score(candidate, offer).score for every opening, REFUSED where a hard rule refuses."""
        near = cache(self.neighbours)
        place = self.places.table(lambda o: PLACE_TIERS[place_tier(candidate, o, near)])
        kind = self.kinds.table(lambda o: kind_part(candidate, o))
        factor = self.needs.table(lambda o: what_is_missing(candidate, o)[0])
        refused = self.rules.table(lambda o: refusal(candidate, o, self.day) is not None)
        total = (
            WEIGHTS["skills"] * self.skill_scores(candidate)
            + WEIGHTS["place"] * place[self.places.codes]
        ) + WEIGHTS["kind"] * kind[self.kinds.codes]
        total = round4(total * factor[self.needs.codes])
        total[refused[self.rules.codes] > 0] = REFUSED
        return total

    def skill_scores(self, candidate: Candidate) -> np.ndarray:
        """match_skills(...).score for every opening (0 where nothing of theirs is alike)."""
        count = len(self.offers)
        if not candidate.skill_texts or count == 0:
            return np.zeros(count)
        best = np.zeros(len(self.pool.texts))
        for text in candidate.skill_texts:
            found, values = self.pool.likeness(text)
            best[found] = np.maximum(best[found], values)
        alike = np.flatnonzero(best)
        # entries in opening order (runs already sorted: a stable sort merges them), so the
        # share covered adds up in match_skills' order
        entries = np.sort(self.text_order[ranges(self.text_pointers, alike)], kind="stable")
        skill = np.zeros(count)
        if entries.size == 0:
            return skill
        likeness = best[self.entry_text[entries]]
        owners = self.entry_offer[entries]
        starts = np.flatnonzero(np.diff(owners, prepend=-1))
        touched = owners[starts]
        top = np.maximum.reduceat(likeness, starts)
        counted = self.entry_counted[entries]
        covered = np.bincount(owners[counted], weights=likeness[counted], minlength=count)
        raw = BEST_WEIGHT * top + (1 - BEST_WEIGHT) * covered[touched] / self.wanted[touched]
        skill[touched] = round4(raw)
        return skill

    def suggest(
        self,
        candidate: Candidate,
        limit: int = 10,
        excluded: Collection[int] = (),
        above: float | None = None,
    ) -> list[Match]:
        """What suggest_openings(candidate, these offers, day, neighbours, limit) gives; the
        openings `excluded` (ids) left out and, given `above`, only scores above it (alerts)."""
        scores = self.scores(candidate)
        if excluded:
            scores[self.positions(excluded)] = REFUSED
        if above is not None:
            scores[scores <= above] = REFUSED
        picked = best_positions(scores, limit + RESCORED_EXTRA)
        near, best = cache(self.neighbours), best_of(candidate.skill_texts)
        offers = self.offers
        return best_matches(
            (score(candidate, offers[i], self.day, near, best) for i in picked), limit
        )
