"""`flask openings ...`: openings from the command line."""

import click
from flask.cli import with_appcontext

from portal.csvimport import run_import_command
from portal.jobs.importer import OpeningImporter

openings_cli = click.Group("openings", help="Import and manage openings.")


@openings_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and report; save nothing.")
@with_appcontext
def import_openings(file: str, dry_run: bool) -> None:
    """Create or update openings from a CSV file and publish them.

    Columns: ref, kind, title, organization, province (required), description, skills
    (separated by ;), district, salary_min, salary_max, currency, min_age, closing_date,
    positions. Rows are matched on organization and ref, so importing a file again updates.
    """
    run_import_command(file, OpeningImporter(), dry_run=dry_run)
