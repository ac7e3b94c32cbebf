"""The SQL behind the indicators: one grouped query per source, whatever the number of people.

Who belongs to a report (read by every query here):
- a young person belongs to her profile's center (`YouthProfile.center_id`) and province;
- an opening belongs to the centers serving its organization's province (the organization's
  own province, else the opening's), the same centers `safety.bursts.counselors_of` alerts:
  a fact of the opening, not of which counselor happened to click "verify". Several centers in
  one province each count it; the all-centers report counts it once;
- a report for one province keeps the young people living there and the openings located there.
Pipeline figures (applications to hires) are of jobs and internships; a course place taken is
an application to a course moved to "hired" (enrolled) and is counted apart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, exists, func, literal, or_, select

from portal.centers.models import Center
from portal.extensions import db
from portal.i18n import local_day_start, local_time
from portal.indicators.cells import DIMENSIONS, person_columns
from portal.indicators.types import Period
from portal.jobs.models import Opening, OpeningKind, ScreeningLevel
from portal.orgs.models import Organization
from portal.placements.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    ApplicationStatusChange,
    FollowUp,
)
from portal.safety.models import OpeningReport
from portal.youth.models import YouthProfile

HIRED = ApplicationStatus.HIRED


@dataclass(frozen=True)
class Scope:
    period: Period
    center_ids: tuple[int, ...] | None
    province_code: str | None
    today: date  # follow-ups count as due up to the period's end or today, whichever is first

    @property
    def moments(self) -> tuple:
        """The period as stored moments: [first day's midnight, the day after's) in Cambodia."""
        end = local_day_start(self.period.end + timedelta(days=1))
        return local_day_start(self.period.start), end

    def during(self, column):
        start, end = self.moments
        return and_(column >= start, column < end)

    def on_days(self, column):
        return column.between(self.period.start, self.period.end)


def _count_if(condition):
    return func.sum(case((condition, 1), else_=0))


def _people(scope: Scope, *values, joins=(), where=(), also_by=()) -> list:
    """Grouped rows: the person's dimensions, then `values`, of youth within the scope (each
    join a (target, on) pair)
    (grouped by the dimensions, and by `also_by` when a value is not an aggregate)."""
    dims = person_columns(scope.period.end)
    query = select(*dims, *values).select_from(YouthProfile)
    for join in joins:
        query = query.join(*join)
    if scope.center_ids is not None:
        query = query.where(YouthProfile.center_id.in_(scope.center_ids))
    if scope.province_code is not None:
        query = query.where(YouthProfile.province_code == scope.province_code)
    return db.session.execute(query.where(*where).group_by(*dims, *also_by)).all()


_NOT_COURSE = Opening.kind != OpeningKind.COURSE
_APPLICATION = (Application, Application.youth_id == YouthProfile.id)
_OPENING = (Opening, Opening.id == Application.opening_id)
_CHANGE = (ApplicationStatusChange, ApplicationStatusChange.application_id == Application.id)
_FOLLOW_UP = (FollowUp, FollowUp.application_id == Application.id)


def registered(scope: Scope) -> list:
    """(count) of profiles created in the period."""
    return _people(scope, func.count(), where=[scope.during(YouthProfile.created_at)])


def _reached_interview():
    moved = exists().where(
        ApplicationStatusChange.application_id == Application.id,
        ApplicationStatusChange.to_status == ApplicationStatus.INTERVIEW,
    )
    return or_(moved, Application.status.in_((ApplicationStatus.INTERVIEW, HIRED)))


def applications(scope: Scope) -> list:
    """(started, referred, reached an interview, hired) of job and internship applications
    started in the period (the cohort the conversions follow)."""
    return _people(
        scope,
        func.count(Application.id),
        _count_if(Application.source == ApplicationSource.REFERRED),
        _count_if(_reached_interview()),
        _count_if(Application.status == HIRED),
        joins=[_APPLICATION, _OPENING],
        where=[scope.during(Application.created_at), _NOT_COURSE],
    )


def interviews(scope: Scope) -> list:
    """(applications invited to an interview in the period)."""
    return _people(
        scope,
        func.count(func.distinct(Application.id)),
        joins=[_APPLICATION, _CHANGE, _OPENING],
        where=[
            ApplicationStatusChange.to_status == ApplicationStatus.INTERVIEW,
            scope.during(ApplicationStatusChange.changed_at),
            _NOT_COURSE,
        ],
    )


def hires(scope: Scope) -> list:
    """(hires on jobs and internships, course places taken) with a hire day in the period."""
    return _people(
        scope,
        _count_if(_NOT_COURSE),
        _count_if(Opening.kind == OpeningKind.COURSE),
        joins=[_APPLICATION, _OPENING],
        where=[Application.status == HIRED, scope.on_days(Application.hired_on)],
    )


def placement(scope: Scope) -> list:
    """(people with a job or internship application started in the period, of them hired on
    one of those applications)."""
    per_person = (
        select(
            Application.youth_id.label("youth_id"),
            func.max(case((Application.status == HIRED, 1), else_=0)).label("hired"),
        )
        .join(Opening, Application.opening)
        .where(scope.during(Application.created_at), _NOT_COURSE)
        .group_by(Application.youth_id)
        .subquery()
    )
    return _people(
        scope,
        func.count(),
        func.sum(per_person.c.hired),
        joins=[(per_person, per_person.c.youth_id == YouthProfile.id)],
    )


def follow_ups(scope: Scope) -> list:
    """(due at 1 month, still employed of them, due at 3 months, still employed of them) of
    hires on jobs and internships, follow-ups due in the period (and by today)."""
    last = min(scope.period.end, scope.today)
    employed = FollowUp.still_employed.is_(True)
    return _people(
        scope,
        _count_if(FollowUp.month == 1),
        _count_if(and_(FollowUp.month == 1, employed)),
        _count_if(FollowUp.month == 3),
        _count_if(and_(FollowUp.month == 3, employed)),
        joins=[_APPLICATION, _FOLLOW_UP, _OPENING],
        where=[
            Application.status == HIRED,
            FollowUp.due_on.between(scope.period.start, last),
            _NOT_COURSE,
        ],
    )


def first_hires(scope: Scope) -> list:
    """(days from registration to the first hire) of people whose first hire on a job or
    internship is in the period; one row per person (few: only those hired)."""
    first = (
        select(
            Application.youth_id.label("youth_id"),
            func.min(Application.hired_on).label("first_hire"),
        )
        .join(Opening, Application.opening)
        .where(Application.status == HIRED, Application.hired_on.is_not(None), _NOT_COURSE)
        .group_by(Application.youth_id)
        .subquery()
    )
    rows = _people(
        scope,
        YouthProfile.created_at,
        first.c.first_hire,
        joins=[(first, first.c.youth_id == YouthProfile.id)],
        where=[scope.on_days(first.c.first_hire)],
        also_by=(YouthProfile.id, YouthProfile.created_at, first.c.first_hire),
    )
    return [(*row[:DIMENSIONS], _days(row[DIMENSIONS], row[DIMENSIONS + 1])) for row in rows]


def _days(registered_at, hired_on: date) -> int:
    return max(0, (hired_on - local_time(registered_at).date()).days)


def _opening_scope(scope: Scope, query):
    if scope.center_ids is not None:
        provinces = select(Center.province_code).where(Center.id.in_(scope.center_ids))
        home = func.coalesce(Organization.province_code, Opening.province_code)
        query = query.join(Organization, Opening.organization).where(home.in_(provinces))
    if scope.province_code is not None:
        query = query.where(Opening.province_code == scope.province_code)
    return query


def openings_published(scope: Scope, isco_column) -> list:
    """One row per opening published in the period: kind, province, title, ISCO code or None."""
    isco = isco_column if isco_column is not None else literal(None)
    query = select(Opening.kind, Opening.province_code, Opening.title, isco)
    query = query.where(scope.during(Opening.published_at))
    return db.session.execute(_opening_scope(scope, query)).all()


def postings(scope: Scope) -> tuple[int, int, int]:
    """(screened in the period, of them held as high risk, postings reported in the period)."""
    held = Opening.screening_level == ScreeningLevel.HIGH
    query = select(func.count(), _count_if(held)).where(scope.during(Opening.screened_at))
    screened, high = db.session.execute(_opening_scope(scope, query)).one()
    reported = select(func.count(func.distinct(OpeningReport.opening_id))).join(
        Opening, OpeningReport.opening
    )
    reported = reported.where(scope.during(OpeningReport.created_at))
    return screened or 0, high or 0, db.session.scalar(_opening_scope(scope, reported)) or 0
