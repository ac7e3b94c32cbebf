"""`flask interviews remind` and `flask applications expire`: cron jobs, safe to run again."""

from __future__ import annotations

from datetime import UTC, datetime

import click
from flask.cli import with_appcontext

from portal.extensions import db, utcnow

interviews_cli = click.Group("interviews", help="Interviews of applications.")
applications_cli = click.Group("applications", help="Applications that no one moves.")

NOW_HELP = "Act as if it were this moment (UTC, YYYY-MM-DDTHH:MM), for a test or a catch-up."


def _moment(value: str | None) -> datetime:
    if not value:
        return utcnow()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("YYYY-MM-DDTHH:MM", param_hint="--now") from None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


@interviews_cli.command("remind")
@click.option("--now", "now_text", metavar="MOMENT", help=NOW_HELP)
@with_appcontext
def remind(now_text: str | None) -> None:
    """Remind young people of tomorrow's interview (once each; nothing in quiet hours, 21:00-07:00
    in Cambodia). Run it every hour, or daily in the afternoon."""
    from portal.interviews.reminders import remind as make_reminders

    done = make_reminders(_moment(now_text))
    db.session.commit()
    if done.quiet:
        click.echo("Quiet hours in Cambodia (21:00-07:00): no reminder made.")
        return
    click.echo(f"{done.told} interview reminder(s) made.")
    if done.unreachable:
        click.echo(f"{done.unreachable} young person(s) without an account or channel: not told.")


@applications_cli.command("expire")
@click.option("--dry-run", is_flag=True, help="Only say what would be warned and closed.")
@click.option("--now", "now_text", metavar="MOMENT", help=NOW_HELP)
@with_appcontext
def expire(dry_run: bool, now_text: str | None) -> None:
    """Warn the young person when her application has had no move for 53 days, and close it at
    60 days (a week after the warning at least). Run it daily."""
    from portal.interviews.expiry import expire as run

    done = run(_moment(now_text), dry_run=dry_run)
    if dry_run:
        db.session.rollback()
        click.echo(f"Dry run: {len(done.warned)} would be warned, {len(done.closed)} closed.")
        for label, ids in (("warn", done.warned), ("close", done.closed)):
            if ids:
                click.echo(f"  {label}: application(s) " + ", ".join(map(str, ids)))
        return
    db.session.commit()
    click.echo(f"{len(done.warned)} application(s) warned, {len(done.closed)} closed.")
