"""CandidateIndex: every young person held in arrays, to rank them all for one opening in
milliseconds, exactly as rank_candidates does (see index.py for the idea).

The direction is the mirror of OfferIndex: the opening's few texts (skills, then title) are
each compared with every distinct text of the youth (similarity is symmetric), then per person
the best of their skills for each, combined as match_skills combines them. Place is three
masks (home province, a province they would work in, a neighbour of home); kind, school level,
languages and the hard rules are tables per class of youth (wanted kinds; level and languages;
age on the day), filled by scoring.py's and rules.py's own functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
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
from portal.matching.index_skills import TextPool
from portal.matching.profiles import Candidate, Offer
from portal.matching.rules import refusal
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
from portal.matching.skills import BEST_WEIGHT, SkillText
from portal.youth.models import age_on


class CandidateIndex:
    """All the youth, ready to be ranked for one opening at a time on `day`."""

    def __init__(self, candidates: Iterable[Candidate], day: date, neighbours: Neighbours):
        self.day = day
        self.neighbours = neighbours
        self.candidates = sorted(candidates, key=lambda c: c.id)  # ties go to the lower id
        self.ids = np.array([c.id for c in self.candidates], dtype=np.int64)
        self.consent = np.array([c.consent for c in self.candidates], dtype=bool)
        self._index_texts()
        self._index_places()
        self.kinds = Classes(self.candidates, key=lambda c: c.wanted_kinds)
        self.needs = Classes(
            self.candidates, key=lambda c: (c.education_level, frozenset(c.languages))
        )
        # rules.py reads a person's age on the day (or that it is unknown), nothing else
        self.ages = Classes(self.candidates, key=self._age)

    def __len__(self) -> int:
        return len(self.candidates)

    def _age(self, candidate: Candidate) -> int | None:
        born = candidate.date_of_birth
        return None if born is None else age_on(born, self.day)

    def _index_texts(self) -> None:
        self.pool = TextPool(cache_size=20_000)
        owners, texts = [], []
        for number, candidate in enumerate(self.candidates):
            for text in candidate.skill_texts:
                owners.append(number)
                texts.append(self.pool.add(text))
        self.pool.freeze()
        self.entry_owner = np.array(owners, dtype=np.int64)
        self.text_order, self.text_pointers = by_row(
            np.array(texts, dtype=np.int64), len(self.pool.texts)
        )

    def _index_places(self) -> None:
        self.homes = Classes(self.candidates, key=lambda c: c.province_code)
        owners, codes = [], []
        self.province_numbers: dict[str, int] = {}
        for number, candidate in enumerate(self.candidates):
            for code in candidate.work_provinces:
                owners.append(number)
                codes.append(self.province_numbers.setdefault(code, len(self.province_numbers)))
        self.work_owner = np.array(owners, dtype=np.int64)
        self.work_province = np.array(codes, dtype=np.int64)

    def place_scores(self, offer: Offer) -> np.ndarray:
        """PLACE_TIERS[place_tier(person, offer)] for every person, from a table per home
        province and whether the opening's province is one they would work in (place_tier
        reads nothing else), filled by place_tier itself."""
        code, near = offer.province_code, cache(self.neighbours)
        works = self.work_owner[self.work_province == self.province_numbers.get(code, -1)]
        work = np.zeros(len(self.candidates), dtype=np.int64)
        work[works] = 1

        def tier(candidate: Candidate, works_there: bool) -> float:
            person = replace(candidate, work_provinces=(code,) if works_there else ())
            return PLACE_TIERS[place_tier(person, offer, near)]

        table = np.array([[tier(c, False), tier(c, True)] for c in self.homes.examples])
        return table[self.homes.codes, work] if len(table) else np.zeros(0)

    def likeness(self, item: SkillText) -> np.ndarray:
        """For every person, the best similarity of one of their skills to `item`."""
        found, values = self.pool.likeness(item)
        lengths = self.text_pointers[found + 1] - self.text_pointers[found]
        owners = self.entry_owner[self.text_order[ranges(self.text_pointers, found)]]
        best = np.zeros(len(self.candidates))
        np.maximum.at(best, owners, np.repeat(values, lengths))
        return best

    def skill_scores(self, offer: Offer) -> np.ndarray:
        """match_skills(person's skills, offer's skills, title).score for every person."""
        title, skills = offer.title_text, offer.skill_texts
        top = covered = np.zeros(len(self.candidates))
        for position, item in enumerate((*skills, title)):
            likeness = self.likeness(item)
            top = np.maximum(top, likeness)
            if position < len(skills) or not skills:  # the title counts only without skills
                covered = covered + likeness
        return round4(BEST_WEIGHT * top + (1 - BEST_WEIGHT) * covered / (len(skills) or 1))

    def scores(self, offer: Offer) -> np.ndarray:
        """score(person, offer).score for every person, REFUSED where a hard rule refuses."""
        kind = self.kinds.table(lambda c: kind_part(c, offer))
        factor = self.needs.table(lambda c: what_is_missing(c, offer)[0])
        refused = self.ages.table(lambda c: refusal(c, offer, self.day) is not None)
        total = (
            WEIGHTS["skills"] * self.skill_scores(offer)
            + WEIGHTS["place"] * self.place_scores(offer)
        ) + WEIGHTS["kind"] * kind[self.kinds.codes]
        total = round4(total * factor[self.needs.codes])
        total[refused[self.ages.codes] > 0] = REFUSED
        return total

    def rank(
        self,
        offer: Offer,
        limit: int = 50,
        consented_only: bool = False,
        among: Iterable[int] | None = None,
    ) -> list[Match]:
        """What rank_candidates(offer, these youth, day, neighbours, limit, consented_only)
        gives; `among`: only the people with these ids (those a counselor may see)."""
        scores = self.scores(offer)
        if consented_only:
            scores[~self.consent] = REFUSED
        if among is not None:
            allowed = np.fromiter(among, dtype=np.int64)
            scores[~np.isin(self.ids, allowed)] = REFUSED
        picked = best_positions(scores, limit + RESCORED_EXTRA)
        near, people = cache(self.neighbours), self.candidates
        return best_matches((score(people[i], offer, self.day, near) for i in picked), limit)
