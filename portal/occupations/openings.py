"""Giving openings saved before issue 17 their ISCO-08 minor group (a CLI backfill)."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.jobs.models import Opening
from portal.occupations import isco_for


def fill_isco_groups(*, again: bool = False) -> tuple[int, int]:
    """Set the group of each opening that has none (every opening with `again`, which also
    overwrites a correction made on the form). Returns (groups set, openings left without)."""
    query = select(Opening)
    if not again:
        query = query.where(Opening.isco_minor_group.is_(None))
    found = missing = 0
    for opening in db.session.scalars(query):
        opening.isco_minor_group = isco_for(opening.title, opening.skills or ())
        if opening.isco_minor_group:
            found += 1
        else:
            missing += 1
    db.session.flush()
    return found, missing
