"""Matching over the database: load what scoring needs, score it, hand back models with matches.

Simple on purpose: every call loads and scores all open openings (or all visible youth), which is
quick at the demo's sizes (300 openings, 500 youth). For a national deployment, pre-filter by
province or skill concept in SQL, or cache the Offers between requests (see bench/ when it lands).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from portal.auth.models import User
from portal.extensions import db
from portal.jobs.models import Opening
from portal.jobs.queries import published_openings, with_card_data
from portal.matching import Match, from_opening, from_youth, rank_candidates, suggest_openings
from portal.places import neighbours
from portal.youth.models import YouthProfile
from portal.youth.queries import visible_to


def suggestions_for(
    profile: YouthProfile, day: date | None = None, limit: int = 10
) -> list[tuple[Opening, Match]]:
    """The `limit` best open openings for `profile` on `day` (default today), best first."""
    day = day or date.today()
    openings = {o.id: o for o in db.session.scalars(with_card_data(published_openings(day)))}
    offers = (from_opening(opening) for opening in openings.values())
    matches = suggest_openings(from_youth(profile), offers, day, neighbours, limit=limit)
    return [(openings[m.offer_id], m) for m in matches]


def candidates_for(
    opening: Opening, for_user: User, day: date | None = None, limit: int = 50
) -> list[tuple[YouthProfile, Match]]:
    """The `limit` best youth `for_user` may see (counselors: their center's; admins: all)."""
    day = day or date.today()
    query = select(YouthProfile).where(*visible_to(for_user))
    youth = {p.id: p for p in db.session.scalars(query)}
    candidates = (from_youth(profile) for profile in youth.values())
    matches = rank_candidates(from_opening(opening), candidates, day, neighbours, limit=limit)
    return [(youth[m.candidate_id], m) for m in matches]
