"""Keyed hashes of one-time secrets (reset links, codes): a stolen database alone reveals none of
them, not even a 6-digit code, because the key (SECRET_KEY) is not in it."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from flask import current_app

from portal.khmer import latin_digits


def keyed_hash(secret: str) -> str:
    """The hex HMAC-SHA256 of `secret` under the app's SECRET_KEY (what the database keeps)."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, secret.strip().encode(), hashlib.sha256).hexdigest()


def matches(secret: str, stored_hash: str) -> bool:
    """Whether `secret` hashes to `stored_hash`, compared in constant time."""
    return hmac.compare_digest(keyed_hash(secret), stored_hash)


def six_digits() -> str:
    """A random 6-digit code, leading zeros kept ("004271")."""
    return f"{secrets.randbelow(10**6):06d}"


def link_token() -> str:
    """A random token for a link (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def typed_code(text: str | None) -> str:
    """What a person typed as a code, as plain digits and letters: Khmer digits become 0-9,
    spaces and dashes go ("០៤២ ៧១៣" -> "042713")."""
    return re.sub(r"[\s\-]", "", latin_digits(text or "")).lower()
