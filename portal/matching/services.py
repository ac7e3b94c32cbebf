"""Matching over the database: suggestions for a young person, candidates for an opening.

Scoring every opening (or every young person) pair by pair takes about a second at national
scale (50,000 openings, 100,000 youth), so each worker keeps the open openings of the day and
all the youth in arrays (index.py) and asks them instead; the answers are the same. An index is
rebuilt when what it was built from has changed: before each use a cheap query reads a stamp
(how many rows, the sum of their ids, the latest updated_at, and the day), and a different stamp
means a rebuild. Only the chosen openings or profiles are then loaded as models.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from flask import current_app
from sqlalchemy import func, select

from portal.auth.models import User
from portal.extensions import db
from portal.jobs.models import Opening
from portal.jobs.queries import MATCHING_COLUMNS, published_openings, with_card_data
from portal.matching import Match, from_opening, from_youth
from portal.matching.index import CandidateIndex, OfferIndex
from portal.places import neighbours
from portal.youth.models import YouthProfile
from portal.youth.queries import visible_to

YOUTH_FIELDS = (  # what matching reads of a profile (job alerts read the same)
    YouthProfile.id,
    YouthProfile.skills,
    YouthProfile.province_code,
    YouthProfile.work_provinces,
    YouthProfile.wanted_kinds,
    YouthProfile.education_level,
    YouthProfile.languages,
    YouthProfile.date_of_birth,
    YouthProfile.consent_to_share,
)
_building = threading.Lock()


def suggestions_for(
    profile: YouthProfile, day: date | None = None, limit: int = 10
) -> list[tuple[Opening, Match]]:
    """The `limit` best open openings for `profile` on `day` (default today), best first."""
    day = day or date.today()
    matches = offer_index(day).suggest(from_youth(profile), limit=limit)
    openings = _load(with_card_data(select(Opening)), Opening, [m.offer_id for m in matches])
    return [(openings[m.offer_id], m) for m in matches if m.offer_id in openings]


def candidates_for(
    opening: Opening, for_user: User, day: date | None = None, limit: int = 50
) -> list[tuple[YouthProfile, Match]]:
    """The `limit` best youth `for_user` may see (counselors: their center's; admins: all)."""
    day = day or date.today()
    conditions = visible_to(for_user)
    among = None
    if conditions:  # admins see everyone: no list of ids needed
        among = db.session.scalars(select(YouthProfile.id).where(*conditions)).all()
    matches = candidate_index(day).rank(from_opening(opening), limit=limit, among=among)
    youth = _load(select(YouthProfile), YouthProfile, [m.candidate_id for m in matches])
    return [(youth[m.candidate_id], m) for m in matches if m.candidate_id in youth]


def offer_index(day: date) -> OfferIndex:
    """This worker's index of the openings open on `day`, rebuilt if they changed."""
    where = published_openings(day).whereclause
    stamp = _stamp(Opening, where) + (day,)

    def build() -> OfferIndex:
        rows = db.session.execute(select(*MATCHING_COLUMNS).where(where))
        return OfferIndex((from_opening(row) for row in rows), day, neighbours)

    return _cached("offers", stamp, build)


def candidate_index(day: date) -> CandidateIndex:
    """This worker's index of all youth profiles (ages on `day`), rebuilt if they changed."""
    stamp = _stamp(YouthProfile, None) + (day,)

    def build() -> CandidateIndex:
        rows = db.session.execute(select(*YOUTH_FIELDS))
        return CandidateIndex((from_youth(row) for row in rows), day, neighbours)

    return _cached("youth", stamp, build)


def _stamp(model, where) -> tuple:
    """What changes whenever a row is added, removed or edited (edits set updated_at)."""
    query = select(func.count(model.id), func.sum(model.id), func.max(model.updated_at))
    if where is not None:
        query = query.where(where)
    return tuple(db.session.execute(query).one())


def _cached(name: str, stamp: tuple, build: Callable):
    """The index kept under `name` for this app if its stamp is `stamp`, else a new one. The
    stamp is read before the rows, so a change in between only causes one more rebuild."""
    kept = current_app.extensions.setdefault("matching_indexes", {})
    found = kept.get(name)
    if found is None or found[0] != stamp:
        with _building:
            found = kept.get(name)
            if found is None or found[0] != stamp:
                found = kept[name] = (stamp, build())
    return found[1]


def _load(query, model, ids: list[int]) -> dict:
    """The rows of `model` with these ids, by id (only the few a page shows)."""
    if not ids:
        return {}
    return {row.id: row for row in db.session.scalars(query.where(model.id.in_(ids)))}
