"""Linking a Telegram chat to an account: a one-time code in a deep link
(https://t.me/<bot>?start=<code>), random, kept as a keyed hash, working once for an hour; the
bot's /start <code> links the chat; the portal's "Disconnect" or the bot's /stop unlinks it.
Services flush; the caller commits."""

from __future__ import annotations

import secrets
from datetime import timedelta
from enum import StrEnum

from flask import current_app
from sqlalchemy import delete, select, update

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.notifications.settings import kinds_for
from portal.recovery.hashing import keyed_hash
from portal.telegram.models import TelegramLink, TelegramLinkCode

CODE_LIFETIME = timedelta(hours=1)
TELEGRAM = "telegram"


class LinkRefused(StrEnum):
    """Why a /start code linked nothing."""

    UNKNOWN = "unknown"  # never issued (or mistyped)
    USED = "used"
    EXPIRED = "expired"
    INACTIVE = "inactive"  # the account was switched off


def issue_code(user: User) -> str:
    """A new one-time code for `user` (returned once; earlier unused codes stop working)."""
    now = utcnow()
    db.session.execute(
        update(TelegramLinkCode)
        .where(TelegramLinkCode.user_id == user.id, TelegramLinkCode.used_at.is_(None))
        .values(expires_at=now)
    )
    code = secrets.token_urlsafe(24)  # 32 characters of [A-Za-z0-9_-], what /start accepts
    db.session.add(
        TelegramLinkCode(
            user_id=user.id,
            code_hash=keyed_hash(code),
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
    )
    db.session.flush()
    return code


def deep_link(code: str, bot_username: str) -> str:
    return f"https://t.me/{bot_username}?start={code}"


def link_chat(code: str, chat_id: int, username: str | None = None) -> User | LinkRefused:
    """Use `code` to link `chat_id` to its account (a chat linked elsewhere moves here; an
    account's earlier chat is replaced). Telegram turns on for every notification she can get."""
    row = db.session.scalar(
        select(TelegramLinkCode).where(TelegramLinkCode.code_hash == keyed_hash(code))
    )
    now = utcnow()
    if row is None:
        return LinkRefused.UNKNOWN
    if row.used_at is not None:
        return LinkRefused.USED
    if row.expires_at <= now:
        return LinkRefused.EXPIRED
    user = db.session.get(User, row.user_id)
    if user is None or not user.active:
        return LinkRefused.INACTIVE
    row.used_at = now
    db.session.execute(
        delete(TelegramLink).where(
            (TelegramLink.chat_id == chat_id) | (TelegramLink.user_id == user.id)
        )
    )
    db.session.add(TelegramLink(user_id=user.id, chat_id=chat_id, username=username, linked_at=now))
    _turn_on_telegram(user)
    record(AuditAction.TELEGRAM_LINKED, actor=user, subject=user, youth=user.youth_profile)
    db.session.flush()
    return user


def _turn_on_telegram(user: User) -> None:
    """She linked Telegram to get messages there: add it to each kind she gets (kinds switched
    off stay off)."""
    from portal.notifications.services import channels_for

    settings = dict(user.notification_settings or {})
    for kind in kinds_for(user):
        channels = channels_for(user, kind)
        if channels:
            settings[str(kind)] = [*channels, TELEGRAM]
    user.notification_settings = settings


def unlink(user: User) -> bool:
    """Forget the account's chat (True when there was one)."""
    link = link_for(user)
    if link is None:
        return False
    db.session.delete(link)
    record(AuditAction.TELEGRAM_UNLINKED, actor=user, subject=user, youth=user.youth_profile)
    db.session.flush()
    return True


def link_for(user: User) -> TelegramLink | None:
    if user is None or user.id is None:
        return None
    return db.session.scalar(select(TelegramLink).where(TelegramLink.user_id == user.id))


def chat_id_for(user: User) -> int | None:
    """The Telegram chat of `user`, or None (not linked)."""
    link = link_for(user)
    return link.chat_id if link is not None else None


def user_for_chat(chat_id: int) -> User | None:
    """The active account linked to `chat_id`, or None."""
    link = db.session.scalar(select(TelegramLink).where(TelegramLink.chat_id == chat_id))
    if link is None or not link.user.active:
        return None
    return link.user


def bot_username() -> str | None:
    """TELEGRAM_BOT_USERNAME, else asked once per process from the Bot API (getMe)."""
    config = current_app.config
    if config.get("TELEGRAM_BOT_USERNAME"):
        return config["TELEGRAM_BOT_USERNAME"]
    from portal.telegram.api import TelegramError, from_config

    api = from_config(config)
    if api is None:
        return None
    try:
        me = api.call("getMe")
    except TelegramError:
        return None
    config["TELEGRAM_BOT_USERNAME"] = (me or {}).get("username")
    return config["TELEGRAM_BOT_USERNAME"]
