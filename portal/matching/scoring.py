"""One score for a young person and an opening, with the reasons behind it.

score = (0.60 skills + 0.25 place + 0.15 kind) x education x languages, each part 0..1:
- skills (skills.match_skills): dominant, so a matching trade further away beats no trade next door;
- place: same province 1.0 > a province they said they would work in 0.7 > a province next to
  theirs 0.4 > elsewhere 0;
- kind: one they want 1.0, they said nothing 0.5, one they do not want 0;
- education: below the opening's level multiplies by 0.8 (and "needs" says which level), so an
  opening they qualify for next door comes before the same one at home that they do not;
- languages: each share of the opening's languages they do not speak takes up to 0.2 off
  (and "needs" names them, as ISO codes: "en").

Education levels are ordered none < primary < lower_secondary < upper_secondary < vocational <
university: vocational training (TVET) comes after school, and a degree is taken to reach any
lower level, so an opening asking "vocational" also accepts a university graduate.

Reasons are (code, params) pairs the pages translate: ("skills", {"pairs": [(theirs, opening's)]}),
("place", {"tier": "same_province"}), ("kind", {"kind": "job"}), ("needs", {"what": [...]}).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from portal.matching.profiles import Candidate, Offer
from portal.matching.rules import refusal
from portal.matching.skills import Best, match_skills

WEIGHTS = {"skills": 0.60, "place": 0.25, "kind": 0.15}
EDUCATION_SHORT = 0.8  # factor when below the level asked
LANGUAGES_MISSING = 0.2  # taken off in proportion to the languages missing
PLACE_TIERS = {"same_province": 1.0, "work_province": 0.7, "neighbour": 0.4, "elsewhere": 0.0}
KIND_WANTED, KIND_UNSAID, KIND_UNWANTED = 1.0, 0.5, 0.0
EDUCATION_ORDER = (
    "none",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "vocational",
    "university",
)
_EDUCATION_RANK = {level: rank for rank, level in enumerate(EDUCATION_ORDER)}

Neighbours = Callable[[str], "set[str] | frozenset[str]"]


class Reason(NamedTuple):
    code: str
    params: dict


@dataclass(frozen=True)
class Match:
    """A scored pair: which opening for which young person, how good (0..1), and why."""

    offer_id: int
    candidate_id: int
    score: float
    reasons: tuple[Reason, ...] = field(default=())

    def reason(self, code: str) -> Reason | None:
        """The reason with this code, if any."""
        return next((r for r in self.reasons if r.code == code), None)


def place_tier(candidate: Candidate, offer: Offer, neighbours: Neighbours) -> str:
    """Where the opening is for them: same_province, work_province, neighbour or elsewhere."""
    if offer.province_code == candidate.province_code:
        return "same_province"
    if offer.province_code in candidate.work_provinces:
        return "work_province"
    if offer.province_code in neighbours(candidate.province_code):
        return "neighbour"
    return "elsewhere"


def reaches_education(level: str | None, needed: str | None) -> bool:
    """True when `level` is at least `needed`. No requirement: always. A level not said (None)
    cannot be checked, so it is not held against her (she is never taken for unschooled)."""
    if not needed or needed not in _EDUCATION_RANK or level is None:
        return True
    return _EDUCATION_RANK.get(level, 0) >= _EDUCATION_RANK[needed]


def score(
    candidate: Candidate, offer: Offer, day: date, neighbours: Neighbours, best: Best | None = None
) -> Match | None:
    """The pair's Match on `day`, or None when a hard rule refuses it (rules.py). `best`
    (skills.best_of the candidate's skills) saves work when scoring many openings for one."""
    if refusal(candidate, offer, day):
        return None
    skills = match_skills(candidate.skill_texts, offer.skill_texts, offer.title_text, best)
    tier = place_tier(candidate, offer, neighbours)
    parts = {
        "skills": skills.score,
        "place": PLACE_TIERS[tier],
        "kind": kind_part(candidate, offer),
    }
    reasons = [Reason("skills", {"pairs": list(skills.pairs)})] if skills.pairs else []
    reasons.append(Reason("place", {"tier": tier, "province": offer.province_code}))
    if parts["kind"] == KIND_WANTED:
        reasons.append(Reason("kind", {"kind": offer.kind}))
    total = sum(WEIGHTS[name] * value for name, value in parts.items())
    factor, needs = what_is_missing(candidate, offer)
    if needs:
        reasons.append(Reason("needs", {"what": needs}))
    return Match(offer.id, candidate.id, round(total * factor, 4), tuple(reasons))


def what_is_missing(candidate: Candidate, offer: Offer) -> tuple[float, list[str]]:
    """What they lack for the opening (a school level, languages) and the factor it costs."""
    factor, needs = 1.0, []
    if not reaches_education(candidate.education_level, offer.min_education):
        factor *= EDUCATION_SHORT
        needs.append(offer.min_education)
    missing = [code for code in offer.languages if code not in candidate.languages]
    if missing:
        factor *= 1 - LANGUAGES_MISSING * len(missing) / len(offer.languages)
        needs.extend(missing)
    return factor, needs


def kind_part(candidate: Candidate, offer: Offer) -> float:
    """The kind part of the score: the kind she wants, one she did not say, or another."""
    if not candidate.wanted_kinds:
        return KIND_UNSAID
    return KIND_WANTED if offer.kind in candidate.wanted_kinds else KIND_UNWANTED
