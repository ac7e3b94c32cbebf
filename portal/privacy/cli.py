"""`flask privacy sweep`: warn profiles unused for 24 months, anonymise them 30 days later."""

from __future__ import annotations

import logging

import click
from flask.cli import with_appcontext

from portal.extensions import db
from portal.privacy.sweep import sweep

privacy_cli = click.Group("privacy", help="Young people's data rights.")
log = logging.getLogger(__name__)


@privacy_cli.command("sweep")
@with_appcontext
def sweep_command() -> None:
    """Warn unused profiles and anonymise those warned 30 days ago. Run it daily."""
    try:
        result = sweep()
        db.session.commit()
    except Exception as error:
        db.session.rollback()
        log.exception("privacy_sweep_failed", extra={"event": "privacy_sweep_failed"})
        raise click.ClickException(f"privacy sweep failed, nothing was changed: {error}") from error
    log.info("privacy_sweep", extra={"event": "privacy_sweep", **vars(result)})
    click.echo(
        f"{result.warned} profile(s) warned, {result.anonymised} anonymised, "
        f"{result.back_in_use} used again since their warning."
    )
