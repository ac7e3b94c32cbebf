"""The hard rules: an opening a rule refuses is never suggested, whatever its score.

Each rule is a named function returning a refusal reason code, or None when it lets the pair
through. Ages are whole years on the day the suggestion is made (a birthday counts that day).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from portal.matching.profiles import Candidate, Offer
from portal.youth.models import ADULT_AGE, age_on

PUBLISHED, CLOSED = "published", "closed"
UNKNOWN_AGE_LIMIT = 15  # with no date of birth, only openings for 15 and over, not hazardous


def not_open(candidate: Candidate, offer: Offer, day: date) -> str | None:
    """Closed, not (yet) published, or past its closing date on `day`."""
    if offer.status == CLOSED:
        return "closed"
    if offer.status != PUBLISHED:
        return "not_published"
    if offer.closing_date is not None and offer.closing_date < day:
        return "expired"
    return None


def under_min_age(candidate: Candidate, offer: Offer, day: date) -> str | None:
    """Younger than the opening's minimum age on `day` (or age unknown and the opening is
    restricted)."""
    if candidate.date_of_birth is None:
        restricted = offer.min_age > UNKNOWN_AGE_LIMIT or offer.hazardous
        return "age_unknown" if restricted else None
    if age_on(candidate.date_of_birth, day) < offer.min_age:
        return "under_min_age"
    return None


def minor_protected(candidate: Candidate, offer: Offer, day: date) -> str | None:
    """Under 18 on `day` and the opening is for adults or is hazardous work."""
    if candidate.date_of_birth is None or age_on(candidate.date_of_birth, day) >= ADULT_AGE:
        return None
    if offer.hazardous:
        return "minor_hazardous"
    if offer.min_age >= ADULT_AGE:
        return "minor_adult_only"
    return None


Rule = Callable[[Candidate, Offer, date], "str | None"]
RULES: tuple[Rule, ...] = (not_open, minor_protected, under_min_age)


def refusal(candidate: Candidate, offer: Offer, day: date) -> str | None:
    """The first hard rule's refusal for this pair on `day`, or None when all let it through."""
    for rule in RULES:
        reason = rule(candidate, offer, day)
        if reason:
            return reason
    return None
