"""Reusable queries over openings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import selectinload

from portal.jobs.models import Opening, OpeningStatus


def published_openings(today: date | None = None) -> Select:
    """Openings the public may see: published and not past their closing date."""
    today = today or date.today()
    return select(Opening).where(
        Opening.status == OpeningStatus.PUBLISHED,
        or_(Opening.closing_date.is_(None), Opening.closing_date >= today),
    )


def with_card_data(query: Select) -> Select:
    """Load what an opening card shows (organization, course details) in two queries, not 2N."""
    return query.options(selectinload(Opening.organization), selectinload(Opening.course))
