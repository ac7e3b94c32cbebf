"""Unsubscribe links that need no login: the user (and one saved search, or all her alerts)
signed with the app's SECRET_KEY. They never expire (an old message must still stop alerts) and
they only ever stop something, so a leaked one can do no more than that."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

_SALT = "phlov-alerts-unsubscribe"


@dataclass(frozen=True)
class Unsubscribe:
    user_id: int
    search_id: int | None  # None: every alert


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def make_token(user_id: int, search_id: int | None = None) -> str:
    """The token of an unsubscribe link for `user_id` (one saved search, or all alerts)."""
    return _serializer().dumps([user_id, search_id or 0])


def read_token(token: str) -> Unsubscribe | None:
    """What a token stops, or None when it is not one we signed."""
    try:
        user_id, search_id = _serializer().loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(user_id, int) or not isinstance(search_id, int):
        return None
    return Unsubscribe(user_id, search_id or None)
