"""`flask backup` and `flask restore`: the whole database, while the portal runs."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from portal.backup.operations import BackupError, backup, default_file_name, restore


@click.command("backup")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (never overwritten). Default: phlov-DATE-TIME.sqlite3 or .dump here.",
)
@with_appcontext
def backup_command(output: Path | None) -> None:
    """Back up the whole database while the portal keeps running: SQLite's online backup API,
    or pg_dump's custom format for PostgreSQL. Run it from cron; keep copies elsewhere."""
    path = output or Path(default_file_name())
    try:
        size = backup(path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {path} ({size / 1_000_000:.1f} MB).")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that holds data.")
@with_appcontext
def restore_command(file: Path, force: bool) -> None:
    """Put a backup made by `flask backup` back in place of the database, then rebuild the
    search index from it. Refuses to replace a database holding data unless --force. Stop the
    portal's workers first: pages open during a restore may see it half way."""
    try:
        restored = restore(file, force=force)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored {file} (database at migration {restored.revision}).")
    click.echo(f"Search index rebuilt: {restored.openings_indexed} openings.")
    click.echo("If this code is newer than the backup, run `flask db upgrade` now.")
