"""Which openings a center's notice board shows."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, select

from portal.auth.models import User
from portal.centers.models import Center
from portal.extensions import db
from portal.jobs.models import Opening
from portal.jobs.queries import published_openings, with_card_data
from portal.orgs.models import Organization

PER_SHEET = 8  # openings on one A4 sheet
MAX_OPENINGS = 3 * PER_SHEET  # a wall holds a few sheets, not a catalogue


def board_openings(center: Center, today: date | None = None) -> list[Opening]:
    """What the public may see today (published, open, verified organization) in the center's
    province, newest first; then, if there is room, those its counselors posted elsewhere."""
    here = _public(today).where(Opening.province_code == center.province_code)
    found = list(db.session.scalars(_newest_first(here).limit(MAX_OPENINGS)))
    if len(found) < MAX_OPENINGS:
        counselors = select(User.id).where(User.center_id == center.id)
        elsewhere = _public(today).where(
            Opening.province_code != center.province_code,
            Opening.created_by_id.in_(counselors),
        )
        found += db.session.scalars(_newest_first(elsewhere).limit(MAX_OPENINGS - len(found)))
    return found


def sheets(openings: list[Opening]) -> list[list[Opening]]:
    """The openings cut into A4 sheets of PER_SHEET (at least one sheet, maybe empty)."""
    return [openings[n : n + PER_SHEET] for n in range(0, len(openings), PER_SHEET)] or [[]]


def _public(today: date | None) -> Select:
    # Said again here: a notice on a wall must never show an unchecked organization's opening.
    verified = Opening.organization.has(Organization.verified_at.is_not(None))
    return with_card_data(published_openings(today).where(verified))


def _newest_first(query: Select) -> Select:
    return query.order_by(
        func.coalesce(Opening.published_at, Opening.created_at).desc(), Opening.id.desc()
    )
