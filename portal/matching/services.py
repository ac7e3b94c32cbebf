"""Matching over the database: suggestions for a young person, candidates for an opening.

Scoring every opening (or every young person) pair by pair takes about a second at national
scale (50,000 openings, 100,000 youth), so each worker keeps the open openings of the day and
all the youth in arrays (index.py) and asks them instead; the answers are the same. Before each
use, one cheap query reads the change log's counter (changes.py); when it moved, only the
openings or profiles logged since are read again, and the arrays are rebuilt from the rows held
in memory (no scan of the table). Only the chosen openings or profiles are then loaded as models.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select

from portal.auth.models import User
from portal.extensions import db
from portal.jobs.models import Opening
from portal.jobs.queries import MATCHING_COLUMNS, published_any_day, with_card_data
from portal.matching import Match, changes, from_opening, from_youth
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
    """This worker's index of the openings open on `day`, brought up to date first."""
    return _current(
        changes.OPENINGS,
        day,
        lambda where: select(*MATCHING_COLUMNS).where(published_any_day(), *where),
        from_opening,
        lambda rows: OfferIndex(rows, day, neighbours),
    )


def candidate_index(day: date) -> CandidateIndex:
    """This worker's index of all youth profiles (ages on `day`), brought up to date first."""
    return _current(
        changes.YOUTH,
        day,
        lambda where: select(*YOUTH_FIELDS).where(*where),
        from_youth,
        lambda rows: CandidateIndex(rows, day, neighbours),
    )


@dataclass(frozen=True)
class _Kept:
    seen: int  # the change log id these rows are current to
    day: date
    rows: dict  # id -> Offer or Candidate
    index: object


def _current(kind: str, day: date, query: Callable, read: Callable, build: Callable):
    """The index kept under `kind` for this app, after applying the changes logged since it was
    built: one cheap query when nothing changed, else only the changed rows are read again."""
    kept_by_kind = current_app.extensions.setdefault("matching_indexes", {})
    newest = changes.latest()
    kept = kept_by_kind.get(kind)
    if kept is not None and (kept.seen, kept.day) == (newest, day):
        return kept.index
    with _building:
        kept = kept_by_kind.get(kind)
        if kept is None or kept.seen != newest or kept.day != day:
            kept = kept_by_kind[kind] = _updated(kept, kind, day, newest, query, read, build)
    return kept.index


def _updated(kept, kind, day, newest, query, read, build) -> _Kept:
    found = changes.since(kind, kept.seen, newest) if kept else None
    if found is None or found.everything:
        rows = {row.id: read(row) for row in db.session.execute(query(()))}
        return _Kept(newest, day, rows, build(rows.values()))
    if not found.row_ids and kept.day == day:  # only the other kind changed
        return _Kept(newest, day, kept.rows, kept.index)
    rows = dict(kept.rows)
    for row_id in found.row_ids:
        rows.pop(row_id, None)  # deleted, or no longer public: not read again below
    for ids in _chunks(sorted(found.row_ids)):
        rows.update((row.id, read(row)) for row in db.session.execute(query([_id_in(kind, ids)])))
    return _Kept(newest, day, rows, build(rows.values()))


def _id_in(kind: str, ids: list[int]):
    model = Opening if kind == changes.OPENINGS else YouthProfile
    return model.id.in_(ids)


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _load(query, model, ids: list[int]) -> dict:
    """The rows of `model` with these ids, by id (only the few a page shows)."""
    if not ids:
        return {}
    return {row.id: row for row in db.session.scalars(query.where(model.id.in_(ids)))}
