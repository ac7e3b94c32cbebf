"""`flask notify send`: drain the outbox through the transports."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from portal.extensions import db
from portal.notifications.outbox import Drained, deliver, pending_deliveries, waiting_by_channel

notify_cli = click.Group("notify", help="Send notifications by e-mail, SMS, Telegram.")


@notify_cli.command("send")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Send at most N copies.")
@with_appcontext
def send(limit: int | None) -> None:
    """Send the pending copies (oldest first); a failure is tried again next time."""
    drained = Drained()
    for delivery in pending_deliveries(limit):
        deliver(delivery, drained)
        db.session.commit()  # each copy once: a crash later must not send it again
    drained.waiting = waiting_by_channel()
    click.echo(
        f"{drained.sent} sent, {drained.retrying} to try again, {drained.failed} failed (gave up)."
    )
    if drained.held:
        click.echo(f"{drained.held} held by a daily limit: they go on a later day.")
    for channel, count in sorted(drained.waiting.items()):
        click.echo(
            f"{count} {channel} message(s) wait: no {channel} transport yet "
            "(set NOTIFY_FALLBACK=console to print them)."
        )
