"""How a copy of a notification leaves the portal, one transport per channel.

A transport is anything with `send(address, subject, body)` that raises on failure. The registry
maps a channel to a factory that reads the app's configuration and returns a transport, or None
when that channel cannot be sent yet (its copies stay pending). Plug a new one in with
`register("telegram", factory)`.

What the outbox (outbox.py) also understands, all optional:
- `send` may return a `Sent` (the provider's message id, the SMS parts paid for);
- raising `PermanentFailure` gives up at once (a number that cannot exist): no retry helps;
- `compose(title, line, url) -> (subject, body)` writes the message for a medium with limits;
- `hold(delivery, body) -> Hold | None` keeps a copy back until a moment (a daily cost cap)."""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Protocol

import click


class Transport(Protocol):
    def send(self, address: str, subject: str, body: str) -> Sent | None: ...


@dataclass(frozen=True)
class Sent:
    """What a transport knows of a message it handed over."""

    provider_message_id: str | None = None
    segments: int | None = None


@dataclass(frozen=True)
class Hold:
    """Not now: try again at `until`; `reason` is shown to admins ("daily_limit")."""

    until: datetime
    reason: str


class PermanentFailure(Exception):
    """Sending this copy can never work (no such number, refused content): do not retry."""


# A transport may also have `send_notification(notification, address)`: the outbox then hands it
# the Notification itself (Telegram: buttons for each opening of a digest), not only its text.


class ConsoleTransport:
    """Prints each message (development, and channels without a real transport yet)."""

    def __init__(self, channel: str):
        self.channel = channel

    def send(self, address: str, subject: str, body: str) -> None:
        click.echo(f"[{self.channel}] to {address}: {subject}\n{body}\n")


class SmtpTransport:
    """E-mail through an SMTP server (MAIL_SERVER, MAIL_PORT, MAIL_USE_TLS, MAIL_USERNAME,
    MAIL_PASSWORD, MAIL_FROM). One connection per message: the outbox is small."""

    def __init__(self, config: dict):
        self.host = config["MAIL_SERVER"]
        self.port = int(config.get("MAIL_PORT") or 587)
        self.use_tls = bool(config.get("MAIL_USE_TLS", True))
        self.username = config.get("MAIL_USERNAME")
        self.password = config.get("MAIL_PASSWORD")
        self.sender = config.get("MAIL_FROM") or "phlov@localhost"

    def send(self, address: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, address, subject
        message.set_content(body)
        with smtplib.SMTP(self.host, self.port, timeout=30) as server:
            if self.use_tls:
                server.starttls()
            if self.username:
                server.login(self.username, self.password or "")
            server.send_message(message)


Factory = Callable[[dict], "Transport | None"]


def _fallback(channel: str) -> Factory:
    """No transport of its own yet: the console when NOTIFY_FALLBACK=console, else none."""

    def make(config: dict) -> Transport | None:
        if config.get("NOTIFY_FALLBACK") == "console":
            return ConsoleTransport(channel)
        return None

    return make


def _email(config: dict) -> Transport:
    return SmtpTransport(config) if config.get("MAIL_SERVER") else ConsoleTransport("email")


_REGISTRY: dict[str, Factory] = {
    "console": lambda config: ConsoleTransport("console"),
    "email": _email,
    "sms": _fallback("sms"),
    "telegram": _fallback("telegram"),
}


def register(channel: str, factory: Factory) -> None:
    """Plug in (or replace) the transport of `channel`."""
    _REGISTRY[channel] = factory


def transport_for(channel: str, config: dict) -> Transport | None:
    """The transport that sends `channel` now, or None (unknown channel, or none yet)."""
    factory = _REGISTRY.get(channel)
    return factory(config) if factory else None
