"""Finding youth profiles for the counselors' list: who each staff member sees, and filters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, func, or_, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.phones import search_digits
from portal.youth.models import Gender, YouthProfile


@dataclass(frozen=True)
class YouthFilters:
    text: str = ""
    province_code: str | None = None
    gender: str | None = None
    center_id: int | None = None  # admins only; counselors always see their own center


def visible_to(user: User) -> list[ColumnElement[bool]]:
    """Admins see every center's youth, counselors their own center's, nobody else any."""
    if user.role == Role.ADMIN:
        return []
    if user.role == Role.COUNSELOR and user.center_id is not None:
        return [YouthProfile.center_id == user.center_id]
    return [false()]


def counselors_of(youth: YouthProfile) -> list[User]:
    """The active counselors of the youth's center (nobody when the youth has no center)."""
    if youth.center_id is None:
        return []
    query = select(User).where(
        User.role == Role.COUNSELOR, User.center_id == youth.center_id, User.active.is_(True)
    )
    return list(db.session.scalars(query.order_by(User.id)))


def registered_at_a_center(phone: str | None) -> bool:
    """Whether a profile a center registered, that nobody has claimed yet, has this phone
    (stored form): signing up with it must go through the center's claim code."""
    if not phone:
        return False
    found = db.session.scalar(
        select(YouthProfile.id).where(
            YouthProfile.phone == phone,
            YouthProfile.user_id.is_(None),
            YouthProfile.anonymised_at.is_(None),
        )
    )
    return found is not None


def youth_conditions(user: User, filters: YouthFilters) -> list[ColumnElement[bool]]:
    conditions = visible_to(user)
    if filters.text.strip():
        conditions.append(_matches_text(filters.text.strip()))
    if filters.province_code:
        conditions.append(YouthProfile.province_code == filters.province_code)
    if filters.gender:
        conditions.append(YouthProfile.gender == Gender(filters.gender))
    if filters.center_id and user.role == Role.ADMIN:
        conditions.append(YouthProfile.center_id == filters.center_id)
    return conditions


def _matches_text(text: str) -> ColumnElement[bool]:
    """Part of the name or the center's number; or part of the phone, typed in any format."""
    matches = [
        YouthProfile.full_name.icontains(text, autoescape=True),
        YouthProfile.ref.icontains(text, autoescape=True),
    ]
    digits = search_digits(text)
    if digits:
        matches.append(YouthProfile.phone.contains(digits, autoescape=True))
    return or_(*matches)


def search_youth(user: User, filters: YouthFilters, page: int, per_page: int = 25):
    """One page of matching profiles, by name."""
    query = (
        select(YouthProfile)
        .where(*youth_conditions(user, filters))
        .order_by(YouthProfile.full_name, YouthProfile.id)
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def gender_counts(user: User, filters: YouthFilters) -> dict[str, int]:
    """How many matching young people are female, male, other: donors always ask for the split."""
    rows = db.session.execute(
        select(YouthProfile.gender, func.count())
        .where(*youth_conditions(user, filters))
        .group_by(YouthProfile.gender)
    ).all()
    found = {Gender(gender).value: count for gender, count in rows}
    return {gender.value: found.get(gender.value, 0) for gender in Gender}
