"""API tokens: issued once to counselors and admins, kept only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from portal.auth.models import ApiToken, Role, User
from portal.extensions import db, utcnow

TOKEN_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


class TokenError(ValueError):
    """The account may not hold an API token."""


class TokenExpired(Exception):
    """The token was right but is older than API_TOKEN_DAYS."""

    def __init__(self, expired_at: datetime):
        super().__init__(f"expired at {expired_at:%Y-%m-%d %H:%M} UTC")
        self.expired_at = expired_at


def expires_at(token: ApiToken) -> datetime:
    """When `token` stops working: API_TOKEN_DAYS after it was issued."""
    return token.created_at + timedelta(days=current_app.config["API_TOKEN_DAYS"])


def _issued_after() -> datetime:
    return utcnow() - timedelta(days=current_app.config["API_TOKEN_DAYS"])


def hash_token(raw: str) -> str:
    """The hex SHA-256 stored for `raw` (a token is random enough that no salt is needed)."""
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(user: User) -> str:
    """A new token for a counselor or an admin; the caller shows it once, only its hash is kept."""
    if user.role not in TOKEN_ROLES:
        raise TokenError(f"{user.role} accounts cannot have API tokens, only counselors and admins")
    raw = secrets.token_urlsafe(32)
    db.session.add(ApiToken(user_id=user.id, token_hash=hash_token(raw)))
    db.session.flush()
    return raw


def tokens_of(user: User) -> list[ApiToken]:
    """Every token `user` was issued, the newest first."""
    query = select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())
    return list(db.session.scalars(query))


def revoke_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.flush()


def revoke_tokens(user: User) -> int:
    """Revoke every live token of `user`; how many were revoked."""
    result = db.session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    db.session.flush()
    return result.rowcount


def use_token(raw: str) -> ApiToken | None:
    """The live (not revoked, not expired) token whose hash matches `raw`, marked as used now;
    None if none; TokenExpired when it is right but too old.

    The write comes first, so that on SQLite the transaction takes the write lock as it begins."""
    if not raw:
        return None
    token_hash = hash_token(raw)
    known = (ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None))
    live = (*known, ApiToken.created_at > _issued_after())
    touched = db.session.execute(update(ApiToken).where(*live).values(last_used_at=utcnow()))
    if touched.rowcount == 0:
        db.session.rollback()
        expired = db.session.scalar(select(ApiToken).where(*known))
        if expired is not None:
            raise TokenExpired(expires_at(expired))
        return None
    token = db.session.scalar(select(ApiToken).where(*live))
    db.session.commit()
    return token
