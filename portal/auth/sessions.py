"""Logged-in sessions (being built: issue 14): the one way in and the one way to end them all."""

from __future__ import annotations

from flask_login import login_user

from portal.auth.models import User


def start_session(user: User, *, remember: bool = False) -> None:
    """Log `user` in on this browser (a remembered login when `remember`)."""
    login_user(user, remember=remember)


def end_all_sessions(user: User) -> None:
    """End every session and remember-me cookie of `user`, on every device."""
