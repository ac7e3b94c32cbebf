"""Creating accounts and finding them by what people type at login."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal import phones
from portal.auth.models import STAFF_ROLES, Role, User
from portal.extensions import db


class AccountError(ValueError):
    """The account cannot be created as asked; `field` names the form field at fault, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class AccountTaken(AccountError):
    """The e-mail address or phone number belongs to an account already."""


def taken_message(field: str | None) -> str:
    """What sign-up says of a login that is taken: no more than the owner needs to know."""
    if field == "email":
        return _("If this e-mail address is yours, log in or recover your password.")
    return _("If this number is yours, log in or recover your password.")


def find_user(identifier: str) -> User | None:
    """The account whose e-mail or phone number is `identifier`, in any common phone format."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    if "@" not in identifier and phones.looks_written_as_number(identifier):
        # match_key: the stored form, or the digits of a number stored before it was checked
        return db.session.scalar(select(User).where(User.phone == phones.match_key(identifier)))
    return db.session.scalar(select(User).where(User.email == identifier.lower()))


def create_user(
    *,
    role: Role,
    password: str,
    email: str | None = None,
    phone: str | None = None,
    display_name: str = "",
    center_id: int | None = None,
    organization_id: int | None = None,
    locale: str | None = None,
) -> User:
    """Add an account; AccountError if its login is taken or a staff user has no center."""
    email = email.strip().lower() if email else None
    normalized_phone = phones.normalize(phone) if phone else None
    if phone and not normalized_phone:
        raise AccountError(_("%(phone)s is not a Cambodian phone number.", phone=phone), "phone")
    if not email and not normalized_phone:
        raise AccountError(_("An account needs an e-mail address or a phone number."))
    if role in STAFF_ROLES and center_id is None:
        raise AccountError(_("Counselors and admins belong to a center."))
    if email and db.session.scalar(select(User.id).where(User.email == email)):
        raise AccountTaken(
            _("The e-mail address %(email)s is already registered.", email=email), "email"
        )
    if normalized_phone and db.session.scalar(
        select(User.id).where(User.phone == normalized_phone)
    ):
        raise AccountTaken(
            _("The phone number %(phone)s is already registered.", phone=normalized_phone),
            "phone",
        )
    user = User(
        role=role,
        email=email,
        phone=normalized_phone,
        display_name=display_name,
        center_id=center_id,
        organization_id=organization_id,
        locale=locale,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user
