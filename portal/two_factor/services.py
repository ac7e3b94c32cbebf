"""Setting up, checking and resetting two-factor login. Services flush; the view commits."""

from __future__ import annotations

import hmac
import logging
import secrets
from datetime import datetime
from io import BytesIO

import pyotp
import segno
from sqlalchemy import delete, select

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.recovery.hashing import keyed_hash, matches, typed_code
from portal.two_factor.models import TwoFactor, TwoFactorRecoveryCode

log = logging.getLogger(__name__)


def log_event(event: str, user) -> None:
    """One log line per event, with the account (never a code, token or password)."""
    log.info(event, extra={"event": event, "user_id": user.id})


ISSUER = "Phlov"
STEP_SECONDS = 30
RECOVERY_CODES = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    """What the QR code holds: the otpauth:// address an authenticator app reads."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.login_name, issuer_name=ISSUER)


def qr_svg(text: str) -> bytes:
    """`text` as a QR code in SVG (no inline style: it passes a strict CSP as an <img>)."""
    buffer = BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=5, border=2, xmldecl=False)
    return buffer.getvalue()


def _current_step() -> int:
    return int((utcnow() - datetime(1970, 1, 1)).total_seconds()) // STEP_SECONDS


def _matching_step(secret: str, code: str, after: int | None = None) -> int | None:
    """The step (now, or one step either side) whose code is `code`, later than `after`."""
    totp, now, found = pyotp.TOTP(secret), _current_step(), None
    for step in (now - 1, now, now + 1):
        if after is not None and step <= after:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            found = step
    return found


def two_factor_of(user: User) -> TwoFactor | None:
    return db.session.scalar(select(TwoFactor).where(TwoFactor.user_id == user.id))


def has_two_factor(user: User) -> bool:
    return two_factor_of(user) is not None


def user_ids_with_two_factor() -> set[int]:
    return set(db.session.scalars(select(TwoFactor.user_id)))


def _new_recovery_code() -> str:
    letters = "".join(secrets.choice(_ALPHABET) for _ in range(10))
    return f"{letters[:5]}-{letters[5:]}"


def _forget(user: User) -> None:
    db.session.execute(delete(TwoFactor).where(TwoFactor.user_id == user.id))
    db.session.execute(
        delete(TwoFactorRecoveryCode).where(TwoFactorRecoveryCode.user_id == user.id)
    )


def enable(user: User, secret: str, code: str) -> list[str] | None:
    """Turn two-factor login on with `secret` if `code` is its current code; returns the ten
    recovery codes, to show once (None: wrong code, nothing changed)."""
    step = _matching_step(secret, typed_code(code))
    if step is None:
        return None
    _forget(user)
    db.session.add(TwoFactor(user_id=user.id, secret=secret, last_used_step=step))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
    db.session.add_all(
        TwoFactorRecoveryCode(user_id=user.id, code_hash=keyed_hash(f"{user.id}:{typed_code(c)}"))
        for c in codes
    )
    record(AuditAction.TWO_FACTOR_ENABLED, actor=user, subject=user)
    db.session.flush()
    log_event("two_factor_enabled", user)
    return codes


def check_second_step(user: User, code: str) -> bool:
    """Whether `code` (from the app, or an unused recovery code) lets `user` in now. An app code
    is accepted within one step either side and never twice; a recovery code once."""
    two_factor, typed = two_factor_of(user), typed_code(code)
    if two_factor is None:
        return False
    if len(typed) == 6 and typed.isdigit():
        step = _matching_step(two_factor.secret, typed, after=two_factor.last_used_step)
        if step is None:
            return False
        two_factor.last_used_step = step
        db.session.flush()
        return True
    return _use_recovery_code(user, typed)


def _use_recovery_code(user: User, typed: str) -> bool:
    unused = db.session.scalars(
        select(TwoFactorRecoveryCode).where(
            TwoFactorRecoveryCode.user_id == user.id, TwoFactorRecoveryCode.used_at.is_(None)
        )
    ).all()
    found = None
    for row in unused:  # no early exit: the time does not tell which one matched
        if matches(f"{user.id}:{typed}", row.code_hash):
            found = row
    if found is None:
        return False
    found.used_at = utcnow()
    db.session.flush()
    log_event("two_factor_recovery_code_used", user)
    return True


def reset(user: User, *, by: User | None) -> None:
    """Turn two-factor login off for `user` (an admin, or the command line when `by` is None,
    after a staff member lost their phone); they set it up again at their next login."""
    _forget(user)
    record(AuditAction.TWO_FACTOR_DISABLED, actor=by, subject=user, detail={"reset": True})
    db.session.flush()
    log_event("two_factor_reset", user)
