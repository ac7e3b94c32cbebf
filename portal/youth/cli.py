"""`flask youth ...`: youth profiles from the command line."""

import click
from flask.cli import with_appcontext

from portal.centers.cli import find_center
from portal.csvimport import run_import_command
from portal.youth.importer import YouthImporter

youth_cli = click.Group("youth", help="Import and manage youth profiles.")


@youth_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--center", required=True, help="Name or id of the center they are registered at.")
@click.option("--dry-run", is_flag=True, help="Check the file and report; save nothing.")
@with_appcontext
def import_youth(file: str, center: str, dry_run: bool) -> None:
    """Register young people at a center from a CSV file, or update them.

    Columns: ref, full_name, gender, date_of_birth, province (required), phone, skills,
    education_level, wanted_kinds, work_provinces (lists separated by ;). Rows are matched on
    the center and ref, so importing a file again updates.
    """
    run_import_command(file, YouthImporter(find_center(center)), dry_run=dry_run)
