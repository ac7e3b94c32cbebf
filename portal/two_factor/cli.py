"""`flask two-factor reset LOGIN`: when the last admin lost their phone and recovery codes."""

import click
from flask.cli import with_appcontext

from portal.auth.services import find_user
from portal.extensions import db
from portal.two_factor.services import has_two_factor, reset

two_factor_cli = click.Group("two-factor", help="Two-factor login of staff accounts.")


@two_factor_cli.command("reset")
@click.argument("login")
@with_appcontext
def reset_command(login: str) -> None:
    """Turn two-factor login off for the account LOGIN (phone or e-mail); audited."""
    user = find_user(login)
    if user is None or not user.is_staff:
        raise click.ClickException(f"no counselor or admin account '{login}'")
    if not has_two_factor(user):
        click.echo(f"{user.login_name} has no two-factor login: nothing to do.")
        return
    reset(user, by=None)
    db.session.commit()
    click.echo(f"Two-factor login of {user.login_name} is off: they set it up at their next login.")
