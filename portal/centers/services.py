"""Centers and their staff accounts, as the admins manage them. Services flush; views commit."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal import phones
from portal.audit import AuditAction, record
from portal.auth.models import STAFF_ROLES, Role, User
from portal.auth.services import AccountError, create_user
from portal.auth.sessions import end_all_sessions
from portal.centers.models import Center, CenterProvince
from portal.extensions import db
from portal.places import get_province
from portal.youth.models import YouthProfile

CENTER_FIELDS = (
    "name",
    "province_code",
    "address",
    "phone",
    "email",
    "is_partner",
    "kiosk_mode",
    "kiosk_idle_minutes",
    "served_provinces",
)


class CenterError(ValueError):
    """A center cannot be saved as asked; `field` names the form field the message belongs to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def center_choices() -> list[tuple[int, str]]:
    """(id, name) of every center, by name, for select boxes."""
    return [(c.id, c.name) for c in db.session.scalars(select(Center).order_by(Center.name))]


def centers_with_counts() -> list[tuple[Center, int, int]]:
    """Every center with how many staff accounts and young people it has."""
    staff = (
        select(func.count(User.id))
        .where(User.center_id == Center.id, User.role.in_(list(STAFF_ROLES)))
        .scalar_subquery()
    )
    youth = (
        select(func.count(YouthProfile.id))
        .where(YouthProfile.center_id == Center.id)
        .scalar_subquery()
    )
    rows = db.session.execute(select(Center, staff, youth).order_by(Center.name)).all()
    return [(center, staff_count, youth_count) for center, staff_count, youth_count in rows]


def create_center(**fields: Any) -> Center:
    center = Center()
    _apply(center, fields)
    db.session.add(center)
    db.session.flush()
    return center


def update_center(center: Center, **fields: Any) -> None:
    _apply(center, fields)
    db.session.flush()


def _apply(center: Center, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(CENTER_FIELDS)
    if unknown:
        raise TypeError(f"not center fields: {sorted(unknown)}")
    name = " ".join((fields.get("name") or center.name or "").split())
    same_name = select(Center.id).where(func.lower(Center.name) == name.lower())
    if center.id is not None:
        same_name = same_name.where(Center.id != center.id)
    if db.session.scalar(same_name):
        raise CenterError("name", _("A center named %(name)s already exists.", name=name))
    served = fields.pop("served_provinces", None)
    for field, value in fields.items():
        if isinstance(value, str):
            value = value.strip() or None
        setattr(center, field, value)
    center.name = name
    center.phone = phones.normalize(center.phone) if center.phone else None
    center.email = center.email.lower() if center.email else None
    if served is not None:
        _serve(center, served)


def _serve(center: Center, codes) -> None:
    """The center serves these provinces (its own always; unknown codes are left out)."""
    wanted = {code for code in codes if get_province(code)} | {center.province_code}
    center.provinces = [row for row in center.provinces if row.province_code in wanted]
    listed = {row.province_code for row in center.provinces}
    center.provinces.extend(CenterProvince(province_code=code) for code in sorted(wanted - listed))


def set_national_scope(user: User, national: bool, *, by: User) -> None:
    """Let a counselor act in all of Cambodia (or only their center's provinces again)."""
    if user.role != Role.COUNSELOR:
        raise AccountError(_("Only counselors have a scope: admins act everywhere."))
    if user.national_scope == national:
        return
    user.national_scope = national
    db.session.flush()
    record(AuditAction.ACCOUNT_CHANGED, actor=by, subject=user, detail={"national_scope": national})


def staff_accounts() -> list[User]:
    """Counselors and admins, by center then name."""
    return list(
        db.session.scalars(
            select(User)
            .join(Center, User.center_id == Center.id)
            .where(User.role.in_(list(STAFF_ROLES)))
            .order_by(Center.name, User.display_name, User.id)
        )
    )


def create_staff(
    *, display_name: str, login: str, password: str, role: str, center_id: int
) -> User:
    """A counselor or admin account that logs in with `login` (an e-mail or a phone number)."""
    if Role(role) not in STAFF_ROLES:
        raise AccountError(_("Staff accounts are counselors or admins."))
    login = login.strip()
    is_phone = phones.looks_like_phone(login)
    user = create_user(
        role=Role(role),
        email=None if is_phone else login,
        phone=login if is_phone else None,
        password=password,
        display_name=display_name.strip(),
        center_id=center_id,
    )
    record(  # by the admin logged in: the only way to this service is the admins' page
        AuditAction.ACCOUNT_CREATED,
        subject=user,
        detail={"role": str(user.role), "center_id": center_id},
    )
    return user


def switch_account(user: User, *, by: User) -> bool:
    """Switch a staff account off (it can no longer log in) or back on; returns the new state."""
    if user.id == by.id and user.active:
        raise AccountError(_("You cannot switch off your own account. Ask another admin."))
    user.active = not user.active
    db.session.flush()
    action = AuditAction.ACCOUNT_CHANGED if user.active else AuditAction.ACCOUNT_DEACTIVATED
    record(action, actor=by, subject=user, detail={"active": user.active})
    if not user.active:  # every device it was logged in on is logged out now
        end_all_sessions(user, reason="deactivated")
    return user.active
