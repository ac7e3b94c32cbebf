"""API tokens: issued once to counselors and admins, kept only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select, update

from portal.auth.models import ApiToken, Role, User
from portal.extensions import db, utcnow

TOKEN_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


class TokenError(ValueError):
    """The account may not hold an API token."""


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
    """The live (not revoked) token whose hash matches `raw`, marked as used now; None if none.

    The write comes first, so that on SQLite the transaction takes the write lock as it begins."""
    if not raw:
        return None
    token_hash = hash_token(raw)
    live = (ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None))
    touched = db.session.execute(update(ApiToken).where(*live).values(last_used_at=utcnow()))
    if touched.rowcount == 0:
        db.session.rollback()
        return None
    token = db.session.scalar(select(ApiToken).where(*live))
    db.session.commit()
    return token
