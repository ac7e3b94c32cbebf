"""`flask demo seed`: fill the portal with demo data and print one login per role."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from portal.auth.services import AccountError
from portal.extensions import db

from .builder import DEMO_LOGINS, demo_present, seed, wipe


@click.group("demo", help="Demo data to try the portal.")
def demo_cli() -> None:
    pass


@demo_cli.command("seed")
@click.option("--reset", is_flag=True, help="Delete ALL data in the database, then seed again.")
@click.option("--yes", is_flag=True, help="With --reset: do not ask first.")
@with_appcontext
def seed_command(reset: bool, yes: bool) -> None:
    """Add demo centers, organizations, openings and youth (once), and print the demo logins."""
    if current_app.config["PORTAL_ENV"] == "production":
        raise click.ClickException("The demo data is not for production (PORTAL_ENV=production).")
    if not inspect(db.engine).has_table("opening"):
        raise click.ClickException("The database has no tables yet. Run `flask db upgrade` first.")
    if reset:
        if not yes:
            click.confirm("Delete ALL data in this database and seed the demo again?", abort=True)
        wipe()
        db.session.commit()
    elif demo_present():
        click.echo("The demo data is already there: nothing added.")
        echo_logins()
        return
    started = time.perf_counter()
    try:
        summary = seed()
        db.session.commit()
    except (IntegrityError, AccountError) as error:
        db.session.rollback()
        raise click.ClickException(
            f"This database already has data that clashes with the demo "
            f"({getattr(error, 'orig', error)}). "
            "Seed an empty database, or use --reset on one you may empty."
        ) from error
    click.echo(
        f"Demo ready in {time.perf_counter() - started:.1f} s: {summary.centers} centers, "
        f"{summary.organizations} organizations, {summary.openings} openings in "
        f"{summary.provinces} provinces, {summary.youth} youth "
        f"({summary.youth_logins} can log in).\n"
        f"The year before today: {summary.past_openings} more openings, now closed or still "
        f"open, {summary.applications} applications and referrals, {summary.hires} hires, "
        f"{summary.follow_ups_answered} follow-ups answered."
    )
    echo_logins()


def echo_logins() -> None:
    """The demo logins as a table."""
    rows = [("Role", "Login", "Password", "Who")]
    rows += [(d.role.value, d.login, d.password, d.who) for d in DEMO_LOGINS]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    click.echo("\nDemo logins:\n")
    rows.insert(1, tuple("-" * w for w in widths) + ("-" * 20,))
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        click.echo("  " + "  ".join([*cells, row[3]]))
    click.echo(
        "\nEvery other center's counselor (counselor.siemreap@demo.phlov.org, ...) uses the "
        "counselor password; 24 more youth log in with their phone number and the youth password."
    )
