"""Reading the audit trail: the admins' filtered list (page and CSV), and the views of one young
person's profile that she may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import aliased, selectinload

from portal.audit.models import VIEW_ACTIONS, AuditEvent
from portal.auth.models import User
from portal.extensions import db
from portal.i18n import local_day_start
from portal.youth.models import YouthProfile

Actor = aliased(User, name="actor")


@dataclass(frozen=True)
class AuditFilters:
    """What the admin filters by; empty fields filter nothing. Days are Cambodian days."""

    person: str = ""  # the actor: part of a name, e-mail or phone number
    youth: str = ""  # the young person concerned: part of the name, or the center's number
    youth_id: int | None = None
    subject_type: str = ""
    subject_id: int | None = None
    action: str = ""
    start: date | None = None
    end: date | None = None


def trail_query(filters: AuditFilters) -> Select:
    """(event, actor or None, young person or None) rows, newest first."""
    return (
        select(AuditEvent, Actor, YouthProfile)
        .outerjoin(Actor, AuditEvent.actor_id == Actor.id)
        .outerjoin(YouthProfile, AuditEvent.youth_id == YouthProfile.id)
        .where(*_conditions(filters))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .options(*_WHERE_THEY_WORK)
    )


def _conditions(filters: AuditFilters) -> list[ColumnElement[bool]]:
    conditions = []
    if filters.person.strip():
        text = filters.person.strip()
        conditions.append(or_(*(column.icontains(text, autoescape=True) for column in _ACTOR_TEXT)))
    if filters.youth.strip():
        text = filters.youth.strip()
        conditions.append(
            or_(YouthProfile.full_name.icontains(text, autoescape=True), YouthProfile.ref == text)
        )
    if filters.youth_id is not None:
        conditions.append(AuditEvent.youth_id == filters.youth_id)
    if filters.subject_type:
        conditions.append(AuditEvent.subject_type == filters.subject_type)
    if filters.subject_id is not None:
        conditions.append(AuditEvent.subject_id == filters.subject_id)
    if filters.action:
        conditions.append(AuditEvent.action == filters.action)
    if filters.start:
        conditions.append(AuditEvent.at >= local_day_start(filters.start))
    if filters.end:
        conditions.append(AuditEvent.at < local_day_start(filters.end + timedelta(days=1)))
    return conditions


_ACTOR_TEXT = (Actor.display_name, Actor.email, Actor.phone)
# Each row names the actor's center or organization: loaded for the whole page at once.
_WHERE_THEY_WORK = (selectinload(Actor.center), selectinload(Actor.organization))


def views_of(youth: YouthProfile, limit: int = 50) -> list[tuple[AuditEvent, User | None]]:
    """The last `limit` openings of `youth`'s profile, contact or CV by someone else, newest
    first, with who opened it."""
    rows = db.session.execute(
        select(AuditEvent, Actor)
        .outerjoin(Actor, AuditEvent.actor_id == Actor.id)
        .where(AuditEvent.youth_id == youth.id, AuditEvent.action.in_(VIEW_ACTIONS))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .options(*_WHERE_THEY_WORK)
        .limit(limit)
    )
    return [(event, actor) for event, actor in rows]
