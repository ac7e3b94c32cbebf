"""The interviews of a day that a user may see: an employer its openings', a counselor her
center's young people's, an admin everyone's (placements.access decides)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.i18n import local_day_start, local_time
from portal.interviews.models import Interview
from portal.jobs.models import Opening
from portal.placements.access import applications_visible_to
from portal.placements.models import Application

MAX_ROWS = 200  # a day of one center or employer is far fewer


def cambodian_today() -> date:
    return local_time(utcnow()).date()


def interviews_on(user: User, day: date) -> list[Interview]:
    """The interviews that stand on `day` (a Cambodian day), earliest first."""
    query = (
        select(Interview)
        .join(Application, Application.id == Interview.application_id)
        .where(
            Interview.replaced_at.is_(None),
            Interview.starts_at >= local_day_start(day),
            Interview.starts_at < local_day_start(day + timedelta(days=1)),
            *applications_visible_to(user),
        )
        .options(
            selectinload(Interview.application).selectinload(Application.youth),
            selectinload(Interview.application)
            .selectinload(Application.opening)
            .selectinload(Opening.organization),
        )
        .order_by(Interview.starts_at, Interview.id)
        .limit(MAX_ROWS)
    )
    return list(db.session.scalars(query))


def standing_interviews(applications) -> dict[int, Interview]:
    """{application id: the interview that stands}, in one query (her applications page)."""
    ids = [application.id for application in applications]
    if not ids:
        return {}
    query = select(Interview).where(
        Interview.application_id.in_(ids), Interview.replaced_at.is_(None)
    )
    return {interview.application_id: interview for interview in db.session.scalars(query)}
