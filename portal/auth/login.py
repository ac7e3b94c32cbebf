"""Checking a login: throttled, audited, and answering an unknown account like a wrong password
(same words, about the same time: a throwaway hash is checked when there is no account)."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.auth.services import find_user
from portal.auth.throttle import account_key, count_failure, seconds_to_wait

log = logging.getLogger(__name__)
_DUMMY_HASHES: dict[str | None, str] = {}


@dataclass(frozen=True)
class LoginAttempt:
    user: User | None = None  # the account, when identifier and password match
    wait_seconds: int = 0  # > 0: too many failures, nothing was checked

    @property
    def failed(self) -> bool:
        return self.user is None and not self.wait_seconds


def _dummy_hash() -> str:
    """A hash made the way real passwords are (same method and cost), made once per process."""
    method = current_app.config.get("PASSWORD_HASH_METHOD")
    if method not in _DUMMY_HASHES:
        options = {"method": method} if method else {}
        _DUMMY_HASHES[method] = generate_password_hash(secrets.token_hex(16), **options)
    return _DUMMY_HASHES[method]


def password_matches(user: User | None, password: str) -> bool:
    if user is None:
        check_password_hash(_dummy_hash(), password or "")
        return False
    return user.check_password(password or "")


def attempt_login(identifier: str, password: str, *, address: str | None) -> LoginAttempt:
    """Check `identifier` and `password`, unless this account or address must wait."""
    user = find_user(identifier)
    account = account_key(identifier, user)
    wait = seconds_to_wait(account, address)
    if wait:
        log.warning(
            "login_locked",
            extra={"event": "login_locked", "account": account, "wait_seconds": wait},
        )
        return LoginAttempt(wait_seconds=wait)
    if not password_matches(user, password):
        count_failure(account, address)
        failed(account, user)
        return LoginAttempt()
    return LoginAttempt(user=user)


def failed(account: str, user: User | None) -> None:
    """Log and audit a wrong password (the account, never what was typed as the password)."""
    user_id = user.id if user is not None else None
    log.info(
        "login_failed", extra={"event": "login_failed", "user_id": user_id, "account": account}
    )
    record(AuditAction.LOGIN_FAILED, actor=None, subject=user, detail={"account": account})
