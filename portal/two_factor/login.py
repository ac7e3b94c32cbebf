"""The second step of a login: between the password and the code, the account is only
pending in this browser's session (for PENDING_SECONDS), never logged in."""

from __future__ import annotations

import time
from dataclasses import dataclass

from flask import redirect, session, url_for

from portal.auth.models import User
from portal.extensions import db
from portal.two_factor.services import has_two_factor

PENDING = "two_factor_pending"
PENDING_SECONDS = 5 * 60


def needs_second_step(user: User) -> bool:
    return user.is_staff and has_two_factor(user)


def ask_for_second_step(user: User, *, remember: bool, next_url: str | None):
    """Remember who typed the right password, and send them to the code page."""
    session[PENDING] = {
        "user_id": user.id,
        "remember": bool(remember),
        "next": next_url or "",
        "until": time.time() + PENDING_SECONDS,
    }
    return redirect(url_for("two_factor.verify"))


@dataclass(frozen=True)
class Pending:
    user: User
    remember: bool
    next_url: str


def pending_login() -> Pending | None:
    """The account waiting for its code in this session, if the wait has not expired."""
    data = session.get(PENDING)
    if not isinstance(data, dict) or data.get("until", 0) < time.time():
        session.pop(PENDING, None)
        return None
    user = db.session.get(User, data.get("user_id"))
    if user is None or not user.is_active:
        return None
    return Pending(user, bool(data.get("remember")), data.get("next") or "")


def pending_key() -> str:
    """Rate-limit key: the account waiting in this session."""
    data = session.get(PENDING)
    return f"two-factor:{data.get('user_id') if isinstance(data, dict) else 'none'}"
