"""`flask placements ...`: the daily jobs of the placement workflow."""

from datetime import date

import click
from flask.cli import with_appcontext

from portal.extensions import db
from portal.placements import followups

placements_cli = click.Group("placements", help="Applications, hires and their follow-ups.")


@placements_cli.command("remind-follow-ups")
@click.option("--day", type=click.DateTime(["%Y-%m-%d"]), help="Count from this day (YYYY-MM-DD).")
@with_appcontext
def remind_follow_ups(day) -> None:
    """Tell counselors about follow-ups due within a week (or overdue), and ask the young people
    linked to Telegram whose follow-up is due; once per follow-up. Run it daily."""
    made = followups.remind(day.date() if day else date.today())
    asked = followups.ask_the_hired(day.date() if day else date.today())
    db.session.commit()
    click.echo(f"{made} follow-up reminder(s) made.")
    click.echo(f"{asked} young person(s) asked in Telegram if they still work there.")
