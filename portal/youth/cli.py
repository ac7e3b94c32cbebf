import click

youth_cli = click.Group("youth", help="Import and manage youth profiles.")
