"""Telegram (issue 16): a young person links her Telegram chat to her account with a one-time
deep link, then gets her notifications there with buttons (save an opening, "not for me", answer
a follow-up, say she has a problem at work). `api.py` speaks the Bot API over HTTPS (httpx),
`links.py` links and unlinks chats, `transport.py` is the outbox's "telegram" channel, `bot.py`
answers what people send and press, `views.py` the pages and the webhook, `cli.py`
`flask telegram set-webhook|poll`."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Plug the Telegram transport into the notifications outbox and add `flask telegram`."""
    from portal.notifications.transports import register
    from portal.telegram.cli import telegram_cli
    from portal.telegram.transport import make_transport

    register("telegram", make_transport)
    app.cli.add_command(telegram_cli)
