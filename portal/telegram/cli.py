"""`flask telegram set-webhook URL` (a center with a public address) and `flask telegram poll`
(one without: asks Telegram for updates instead)."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext

from portal.extensions import db
from portal.telegram import bot
from portal.telegram.api import BotApi, TelegramError, from_config

telegram_cli = click.Group("telegram", help="The Telegram bot: webhook or polling.")
UPDATE_TYPES = ["message", "callback_query"]


def _api() -> BotApi:
    api = from_config(current_app.config)
    if api is None:
        raise click.ClickException("TELEGRAM_BOT_TOKEN is not set.")
    return api


@telegram_cli.command("set-webhook")
@click.argument("url", required=False)
@with_appcontext
def set_webhook(url: str | None) -> None:
    """Tell Telegram to post updates to URL (default: PUBLIC_URL/telegram/webhook), with
    TELEGRAM_WEBHOOK_SECRET as the secret token it sends back."""
    secret = current_app.config.get("TELEGRAM_WEBHOOK_SECRET")
    if not secret:
        raise click.ClickException("TELEGRAM_WEBHOOK_SECRET is not set.")
    url = url or (current_app.config.get("PUBLIC_URL") or "") + "/telegram/webhook"
    if not url.startswith("https://"):
        raise click.ClickException(f"Telegram posts only to https:// addresses, not {url!r}.")
    try:
        _api().call("setWebhook", url=url, secret_token=secret, allowed_updates=UPDATE_TYPES)
    except TelegramError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Telegram now posts updates to {url}.")


@telegram_cli.command("poll")
@click.option("--once", is_flag=True, help="Handle what waits now, then stop.")
@click.option("--timeout", type=click.IntRange(0, 50), default=30, help="Long-poll seconds.")
@with_appcontext
def poll(once: bool, timeout: int) -> None:
    """Fetch and handle updates (getUpdates) until stopped; for a center Telegram cannot reach.
    (Telegram refuses getUpdates while a webhook is set.)"""
    api, offset, handled = _api(), None, 0
    while True:
        try:
            updates = api.call(
                "getUpdates",
                offset=offset,
                timeout=0 if once else timeout,
                allowed_updates=UPDATE_TYPES,
            )
        except TelegramError as error:
            if once:
                raise click.ClickException(str(error)) from None
            click.echo(f"getUpdates failed ({error}); trying again in 5 s.", err=True)
            time.sleep(5)
            continue
        for update in updates or []:
            calls = bot.receive(update)
            db.session.commit()
            bot.send(api, calls)
            offset, handled = update["update_id"] + 1, handled + 1
        if once:
            break
    if offset is not None:
        api.call("getUpdates", offset=offset, timeout=0)  # confirm the last ones to Telegram
    click.echo(f"{handled} update(s) handled.")
