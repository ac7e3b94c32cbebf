"""A Telegram chat linked to an account, the one-time codes that link them, and the updates
already handled (Telegram sends an update again until it is answered)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User


class TelegramLink(db.Model):
    """One account's Telegram chat (a private chat with the bot: its id is the person's)."""

    __tablename__ = "telegram_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), unique=True
    )
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    username: Mapped[str | None] = mapped_column(String(64))  # shown on her settings page
    linked_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()


class TelegramLinkCode(db.Model):
    """A one-time code of a deep link (t.me/<bot>?start=<code>): only its keyed hash is kept;
    it works once, until `expires_at`."""

    __tablename__ = "telegram_link_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class TelegramUpdate(db.Model):
    """An update already handled, by its update_id: a repeated one is answered and ignored."""

    __tablename__ = "telegram_update"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
