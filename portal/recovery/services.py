"""Issuing and using the one-time ways back in. Services flush; the view commits."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select, update

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.auth.services import find_user
from portal.auth.sessions import end_all_sessions
from portal.extensions import db, utcnow
from portal.recovery import delivery
from portal.recovery.hashing import keyed_hash, link_token, matches, six_digits
from portal.recovery.models import LIFETIMES, AccountRecovery, RecoveryMethod

log = logging.getLogger(__name__)


def _log(event: str, user) -> None:
    """One log line per event, with the account (never a code, token or password)."""
    log.info(event, extra={"event": event, "user_id": user.id})


CODE_METHODS = (RecoveryMethod.CENTER_CODE, RecoveryMethod.MESSAGE_CODE)


def _code_secret(user_id: int, code: str) -> str:
    # A code is hashed with its account: 6 digits alone would repeat between accounts.
    return f"{user_id}:{code.strip()}"


def issue(user: User, method: RecoveryMethod, *, by: User | None = None) -> str:
    """A new link token or code of `method` for `user`, returned once (only its hash is kept).
    An earlier one of the same method that still works stops working."""
    now = utcnow()
    db.session.execute(
        update(AccountRecovery)
        .where(
            AccountRecovery.user_id == user.id,
            AccountRecovery.method == method,
            AccountRecovery.used_at.is_(None),
            AccountRecovery.expires_at > now,
        )
        .values(expires_at=now)
    )
    if method == RecoveryMethod.EMAIL_LINK:
        secret, hashed = (token := link_token()), keyed_hash(token)
    else:
        secret = six_digits()
        hashed = keyed_hash(_code_secret(user.id, secret))
    db.session.add(
        AccountRecovery(
            user_id=user.id,
            method=method,
            secret_hash=hashed,
            created_at=now,
            expires_at=now + LIFETIMES[method],
            issued_by_id=by.id if by else None,
        )
    )
    db.session.flush()
    return secret


def issue_center_code(user: User, *, by: User) -> str:
    """The 6-digit code a counselor gives at the center after checking who `user` is (24 hours);
    recorded with who gave it."""
    code = issue(user, RecoveryMethod.CENTER_CODE, by=by)
    record(
        AuditAction.RECOVERY_CODE_ISSUED,
        actor=by,
        subject=user,
        youth=user.youth_profile,
        detail={"hours": 24},
    )
    _log("recovery_code_issued", user)
    return code


@dataclass(frozen=True)
class Requested:
    """What the request page may say: it depends on what was typed, never on the account."""

    by_email: bool
    message_channels: tuple[str, ...]  # channels that can carry a code to a phone today


def what_we_can_send(identifier: str) -> Requested:
    """The answer to a request for `identifier`, the same whether an account matches or not."""
    by_email = "@" in identifier
    return Requested(by_email, () if by_email else delivery.phone_channels_now())


def request_recovery(identifier: str, *, base_url: str) -> None:
    """Send a link (e-mail) or a code (SMS, Telegram) to the account of `identifier`, if there is
    one that can receive it. Runs after the response (delivery.after_response), so that the
    page takes the same time whether an account matches or not."""
    user = find_user(identifier)
    if user is None or not user.active:
        return
    by_email, sent = "@" in identifier, []
    if by_email and user.email:
        token = issue(user, RecoveryMethod.EMAIL_LINK)
        sent = delivery.send_link(user, base_url + "/password/reset/" + token)
    elif not by_email and delivery.phone_channels_for(user):
        code = issue(user, RecoveryMethod.MESSAGE_CODE)
        sent = delivery.send_code(user, code)
    record(
        AuditAction.PASSWORD_RESET_REQUESTED,
        actor=None,
        subject=user,
        youth=user.youth_profile,
        detail={"by": "email" if by_email else "phone", "channels": sent},
    )
    _log("password_reset_requested", user)


def live_link(token: str) -> AccountRecovery | None:
    """The e-mailed link of `token` if it still works (read only: a GET may call it)."""
    row = db.session.scalar(
        select(AccountRecovery).where(
            AccountRecovery.secret_hash == keyed_hash(token or ""),
            AccountRecovery.method == RecoveryMethod.EMAIL_LINK,
        )
    )
    return row if row is not None and row.is_live(utcnow()) else None


def check_code(identifier: str, code: str) -> AccountRecovery | None:
    """The live code (center or message) of the account of `identifier` (phone or e-mail)
    that `code` matches, or None. Each wrong try counts against every live code of that
    account: after MAX_TRIES a code is dead. Compared in constant time."""
    user = find_user(identifier)
    if user is None or not user.active:
        keyed_hash(code or "")
        return None
    now = utcnow()
    candidates = db.session.scalars(
        select(AccountRecovery).where(
            AccountRecovery.user_id == user.id,
            AccountRecovery.method.in_(CODE_METHODS),
            AccountRecovery.used_at.is_(None),
            AccountRecovery.expires_at > now,
        )
    ).all()
    live = [row for row in candidates if row.is_live(now)]
    secret = _code_secret(user.id, code or "")
    found = None
    for row in live:  # no early exit: the time does not tell which one matched
        if matches(secret, row.secret_hash):
            found = row
    if found is None:
        for row in live:
            row.failed_tries += 1
        db.session.flush()
        _log("recovery_code_wrong", user)
    return found


def reset_password(recovery: AccountRecovery, new_password: str) -> User:
    """Use `recovery` (once) to set `new_password`; every other way back in of the account and
    every session of it end."""
    user, now = recovery.user, utcnow()
    user.set_password(new_password)
    recovery.used_at = now
    db.session.execute(
        update(AccountRecovery)
        .where(
            AccountRecovery.user_id == user.id,
            AccountRecovery.used_at.is_(None),
            AccountRecovery.expires_at > now,
        )
        .values(expires_at=now)
    )
    end_all_sessions(user)
    record(
        AuditAction.PASSWORD_RESET,
        actor=user,
        subject=user,
        youth=user.youth_profile,
        detail={"method": str(recovery.method)},
    )
    db.session.flush()
    _log("password_reset", user)
    return user
