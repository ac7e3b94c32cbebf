"""Placement figures for donors: referrals, applications, hires and who is still employed at 1
and 3 months, split by gender, for one center (or all) and a date range.

Counting rules (written here so that a figure can be explained):
- referred / applied: applications started in the range, by a counselor / by the youth alone;
- hired: applications hired (and still hired) with a hire day in the range;
- follow-ups due: of those hires, the 1- (or 3-) month follow-ups due by the end of the range
  (and by today); still employed: of those, the ones recorded as still employed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, func, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.placements.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    FollowUp,
)
from portal.youth.models import Gender, YouthProfile

GENDERS = tuple(Gender)  # female, male, other: the columns donors ask for

ROW_LABELS = {
    "referred": _l("Referred by a counselor"),
    "applied": _l("Applied on their own"),
    "hired": _l("Hired"),
    "due_1": _l("1-month follow-ups due"),
    "employed_1": _l("Still employed at 1 month"),
    "due_3": _l("3-month follow-ups due"),
    "employed_3": _l("Still employed at 3 months"),
}
GENDER_LABELS = {
    Gender.FEMALE: _l("Female"),
    Gender.MALE: _l("Male"),
    Gender.OTHER: _l("Other or not said"),
}


@dataclass(frozen=True)
class Scope:
    """Whose figures: one center (None: all centers) between two days (None: no limit)."""

    center_id: int | None = None
    start: date | None = None
    end: date | None = None


@dataclass
class Row:
    key: str
    counts: dict[Gender, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(ROW_LABELS[self.key])

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def scope_for(user: User, center_id: int | None, start: date | None, end: date | None) -> Scope:
    """Counselors always get their own center; admins the center they ask for, or all."""
    if user.role != Role.ADMIN:
        center_id = user.center_id
    return Scope(center_id=center_id, start=start, end=end)


def placement_figures(scope: Scope, today: date | None = None) -> list[Row]:
    """The table: one row per figure, counts per gender (every gender present, 0 when none)."""
    today = today or date.today()
    hired = _hired_conditions(scope)
    rows = [
        Row("referred", _by_gender(_started(scope, ApplicationSource.REFERRED))),
        Row("applied", _by_gender(_started(scope, ApplicationSource.APPLIED))),
        Row("hired", _by_gender(hired)),
    ]
    due_by = min(scope.end, today) if scope.end else today
    for month in (1, 3):
        due = [*hired, FollowUp.month == month, FollowUp.due_on <= due_by]
        rows.append(Row(f"due_{month}", _by_gender(due, follow_ups=True)))
        employed = [*due, FollowUp.still_employed.is_(True)]
        rows.append(Row(f"employed_{month}", _by_gender(employed, follow_ups=True)))
    return rows


def _center(scope: Scope) -> list[ColumnElement[bool]]:
    return [] if scope.center_id is None else [YouthProfile.center_id == scope.center_id]


def _started(scope: Scope, source: ApplicationSource) -> list[ColumnElement[bool]]:
    conditions = [*_center(scope), Application.source == source]
    if scope.start:
        conditions.append(Application.created_at >= datetime.combine(scope.start, time.min))
    if scope.end:
        next_day = datetime.combine(scope.end + timedelta(days=1), time.min)
        conditions.append(Application.created_at < next_day)
    return conditions


def _hired_conditions(scope: Scope) -> list[ColumnElement[bool]]:
    conditions = [*_center(scope), Application.status == ApplicationStatus.HIRED]
    conditions.append(Application.hired_on.is_not(None))
    if scope.start:
        conditions.append(Application.hired_on >= scope.start)
    if scope.end:
        conditions.append(Application.hired_on <= scope.end)
    return conditions


def _by_gender(conditions: list, follow_ups: bool = False) -> dict[Gender, int]:
    query = select(YouthProfile.gender, func.count()).select_from(Application)
    query = query.join(Application.youth)
    if follow_ups:
        query = query.join(Application.follow_ups)
    rows = db.session.execute(query.where(*conditions).group_by(YouthProfile.gender)).all()
    found = {Gender(gender): count for gender, count in rows}
    return {gender: found.get(gender, 0) for gender in GENDERS}
