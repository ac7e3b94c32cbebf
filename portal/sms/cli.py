"""`flask sms status`: today's SMS against the cap, for whoever runs the cron."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from portal.i18n import local_time
from portal.sms.budget import usage

sms_cli = click.Group("sms", help="SMS through the gateway: today's cost and what waits.")


@sms_cli.command("status")
@with_appcontext
def status() -> None:
    """Parts sent today (Cambodian day) of the daily limit, and what waits for tomorrow."""
    today = usage()
    click.echo(f"{today.segments} of {today.limit} parts sent today in {today.messages} SMS.")
    click.echo(f"{today.delivered} reached the phone, {today.undelivered} did not (reports).")
    for reason, count in sorted(today.held.items()):
        when = local_time(today.resume_at).strftime("%Y-%m-%d %H:%M")
        click.echo(f"{count} held by the {reason.replace('_', ' ')}: they go at {when} (Cambodia).")
    click.echo(f"{today.retrying} to try again, {today.failed} given up today.")
