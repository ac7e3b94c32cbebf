"""`flask openings ...`: openings from the command line."""

from datetime import date

import click
from flask.cli import with_appcontext

from portal.csvimport import run_import_command
from portal.extensions import db
from portal.jobs.importer import OpeningImporter
from portal.jobs.services import close_expired, closing_reminders, rescreen_live

openings_cli = click.Group("openings", help="Import and manage openings.")


@openings_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and report; save nothing.")
@with_appcontext
def import_openings(file: str, dry_run: bool) -> None:
    """Create or update openings from a CSV file and publish them.

    Columns: ref, kind, title, organization, province (required), description, skills
    (separated by ;), district, salary_min, salary_max, currency, min_age, closing_date,
    positions, work_country (a country other than Cambodia: the work is abroad). Rows are
    matched on organization and ref, so importing a file again updates. Every row is screened
    for red flags: rows with warning signs are not published but wait in the review queue, and
    the summary lists them with their line, level and reasons.
    """
    run_import_command(file, OpeningImporter(), dry_run=dry_run)


def _day_option(function):
    return click.option(
        "--day",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Run as if today were this day (YYYY-MM-DD).",
    )(function)


@openings_cli.command("daily")
@_day_option
@with_appcontext
def daily(day) -> None:
    """Close openings past their closing date, and remind employers of those closing within
    7 days. Run it once a day (cron)."""
    today = day.date() if day else date.today()
    closed = close_expired(today)
    reminded = closing_reminders(today)
    db.session.commit()
    click.echo(f"{closed} opening(s) closed (closing date passed), {reminded} reminder(s) made.")


@openings_cli.command("close-expired")
@_day_option
@with_appcontext
def close_expired_command(day) -> None:
    """Close the published openings whose closing date has passed."""
    closed = close_expired(day.date() if day else date.today())
    db.session.commit()
    click.echo(f"{closed} opening(s) closed (closing date passed).")


@openings_cli.command("remind")
@_day_option
@with_appcontext
def remind(day) -> None:
    """Remind employers of their openings closing within 7 days (once per opening)."""
    reminded = closing_reminders(day.date() if day else date.today())
    db.session.commit()
    click.echo(f"{reminded} reminder(s) made.")


@openings_cli.command("screen")
@with_appcontext
def screen_command() -> None:
    """Screen every draft, waiting and published opening again (after the rules changed, or
    for openings saved before screening existed). Published ones that may no longer be public
    go back to the review queue."""
    became_high = rescreen_live(by=None)
    db.session.commit()
    click.echo(f"{len(became_high)} opening(s) became high risk and wait for review.")


@openings_cli.command("isco")
@click.option("--again", is_flag=True, help="Recompute every opening, corrections included.")
@with_appcontext
def isco_command(again: bool) -> None:
    """Give openings their ISCO-08 minor group, found from the title and skills."""
    from portal.occupations.openings import fill_isco_groups

    found, missing = fill_isco_groups(again=again)
    db.session.commit()
    click.echo(f"{found} opening(s) got an ISCO-08 group; {missing} could not be matched.")
