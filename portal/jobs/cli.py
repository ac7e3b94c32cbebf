import click

openings_cli = click.Group("openings", help="Import and manage openings.")
