"""A counselor's caseload: the applications of their center's youth (admins: everyone's),
filtered and newest change first; and where to go back to after an action."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager

from portal.auth.models import User
from portal.extensions import db
from portal.jobs.models import Opening
from portal.placements.access import applications_visible_to
from portal.placements.models import Application, ApplicationStatus
from portal.youth.models import YouthProfile

PER_PAGE = 25


@dataclass(frozen=True)
class CaseloadFilters:
    status: ApplicationStatus | None = None
    text: str = ""  # part of the youth's name or of the opening's title
    opening_id: int | None = None
    youth_id: int | None = None


def caseload_query(user: User, filters: CaseloadFilters):
    """The applications `user` may see that match `filters`, the latest change first."""
    query = (
        select(Application)
        .join(Application.youth)
        .join(Application.opening)
        .options(contains_eager(Application.youth), contains_eager(Application.opening))
        .where(*applications_visible_to(user))
    )
    if filters.status is not None:
        query = query.where(Application.status == filters.status)
    if filters.opening_id is not None:
        query = query.where(Application.opening_id == filters.opening_id)
    if filters.youth_id is not None:
        query = query.where(Application.youth_id == filters.youth_id)
    if filters.text:
        query = query.where(
            or_(
                YouthProfile.full_name.icontains(filters.text, autoescape=True),
                Opening.title.icontains(filters.text, autoescape=True),
            )
        )
    return query.order_by(Application.updated_at.desc(), Application.id.desc())


def caseload_page(user: User, filters: CaseloadFilters, page: int):
    return db.paginate(caseload_query(user, filters), page=page, per_page=PER_PAGE, error_out=False)


def applications_for_opening(opening: Opening, user: User) -> dict[int, Application]:
    """{youth id: application} of the opening, among those `user` may see (the candidates
    list shows a status instead of the refer button for these)."""
    query = select(Application).where(
        Application.opening_id == opening.id, *applications_visible_to(user)
    )
    return {application.youth_id: application for application in db.session.scalars(query)}
