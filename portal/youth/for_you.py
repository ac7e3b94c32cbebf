"""The "For you" list: the openings that fit her best, without those she already applied to
(or was referred to) and those she said are "not for me"."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from portal.extensions import db
from portal.jobs.models import Opening
from portal.jobs.queries import published_openings
from portal.matching.scoring import Match
from portal.matching.services import suggestions_for
from portal.placements.models import Application
from portal.placements.services import dismissed_opening_ids
from portal.youth.models import YouthProfile

SUGGESTIONS = 10


def applied_opening_ids(youth: YouthProfile) -> set[int]:
    """The openings she has an application to, whatever became of it (a referral too)."""
    query = select(Application.opening_id).where(Application.youth_id == youth.id)
    return set(db.session.scalars(query))


def suggestions_left_for(
    youth: YouthProfile, limit: int = SUGGESTIONS
) -> list[tuple[Opening, Match]]:
    """Her `limit` best suggestions, best first, leaving out what she applied to or turned
    down. The engine is asked for as many more as are left out and still open, so the list
    stays full (and a year of choices on closed openings costs nothing)."""
    day = date.today()
    left_out = _still_open(applied_opening_ids(youth) | dismissed_opening_ids(youth), day)
    found = suggestions_for(youth, day, limit=limit + len(left_out))
    return [(opening, match) for opening, match in found if opening.id not in left_out][:limit]


def _still_open(opening_ids: set[int], day: date) -> set[int]:
    if not opening_ids:
        return set()
    query = published_openings(day).with_only_columns(Opening.id)
    return set(db.session.scalars(query.where(Opening.id.in_(opening_ids))))
