"""Accounts: one table for every role, logging in with a phone number or an e-mail address."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, event, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from portal.extensions import db, enum_column_type, utcnow

if TYPE_CHECKING:
    from portal.centers.models import Center
    from portal.orgs.models import Organization
    from portal.youth.models import YouthProfile


class Role(StrEnum):
    YOUTH = "youth"
    EMPLOYER = "employer"
    COUNSELOR = "counselor"
    ADMIN = "admin"


STAFF_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


class User(UserMixin, db.Model):
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL
    __table_args__ = (
        CheckConstraint("email IS NOT NULL OR phone IS NOT NULL", name="has_login"),
        CheckConstraint(
            "role NOT IN ('counselor', 'admin') OR center_id IS NOT NULL", name="staff_has_center"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(enum_column_type(Role), index=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    # Which notifications they want by which channel: {kind: [channel, ...]}; a kind not listed
    # uses the defaults in portal.notifications.
    notification_settings: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    active: Mapped[bool] = mapped_column(default=True)
    # A counselor who may act on all of Cambodia, not only their center's provinces (an admin
    # gives it on the staff page; portal/centers/scope.py). Admins act everywhere anyway.
    national_scope: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # When she typed the code sent by SMS to `phone` (portal/phone_confirmation); cleared
    # whenever `phone` changes (see _phone_changed below).
    phone_confirmed_at: Mapped[datetime | None]

    center: Mapped[Center | None] = relationship(back_populates="staff")
    organization: Mapped[Organization | None] = relationship(
        back_populates="members", foreign_keys=[organization_id]
    )
    youth_profile: Mapped[YouthProfile | None] = relationship(
        back_populates="user", foreign_keys="YouthProfile.user_id"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    def get_id(self) -> str:
        # Flask-Login keeps this in the session and the remember-me cookie: the token of this
        # login (a LoginSession row), never the account's id, so that ending the row ends both.
        token = getattr(self, "login_token", None)
        if not token:
            raise RuntimeError("log in through portal.auth.sessions.start_session")
        return token

    def __eq__(self, other: object) -> bool:  # the same account, whatever login loaded it
        if not isinstance(other, User):
            return NotImplemented
        return self is other or (self.id is not None and self.id == other.id)

    __hash__ = object.__hash__

    def has_role(self, *roles: Role | str) -> bool:
        return self.role in roles

    def set_password(self, password: str) -> None:
        # Tests set a cheap method; production keeps Werkzeug's default (scrypt).
        method = current_app.config.get("PASSWORD_HASH_METHOD") if has_app_context() else None
        self.password_hash = generate_password_hash(
            password, **({"method": method} if method else {})
        )

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def login_name(self) -> str:
        return self.email or self.phone or ""

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role} {self.login_name}>"


@event.listens_for(User.phone, "set", active_history=True)
def _phone_changed(user: User, value, old, _initiator) -> None:
    """A new number is not confirmed, whatever path changed it (profile, admin, erasure)."""
    if value != old:
        user.phone_confirmed_at = None


class ApiToken(db.Model):
    """A counselor's or admin's key to the JSON API. Only the SHA-256 of the token is kept."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class LoginSession(db.Model):
    """One login on one device. The browser holds a random token (in the session and the
    remember-me cookie); only its SHA-256 is kept. Ending the row ends both, everywhere."""

    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    remembered: Mapped[bool] = mapped_column(default=False)
    # A coarse label the person recognises ("Chrome, Android"), never the whole user agent.
    device: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Updated at most every few minutes (portal.auth.sessions.TOUCH_EVERY), not on every page.
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    # Why it ended: logout, others, all, password, deactivated, idle, replaced.
    end_reason: Mapped[str | None] = mapped_column(String(20))

    user: Mapped[User] = relationship()
