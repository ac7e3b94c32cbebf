"""`flask users ...`: staff accounts from the command line."""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from portal.auth.models import Role
from portal.auth.services import AccountError, create_user
from portal.centers.models import Center
from portal.extensions import db


@click.group("users", help="Manage user accounts.")
def users_cli() -> None:
    pass


def _find_center(text: str) -> Center:
    query = select(Center).where(Center.name == text)
    if text.isdigit():
        query = select(Center).where(Center.id == int(text))
    center = db.session.scalar(query)
    if center is None:
        names = ", ".join(db.session.scalars(select(Center.name).order_by(Center.name)))
        raise click.BadParameter(f"no center '{text}'. Centers: {names or 'none yet'}")
    return center


@users_cli.command("create")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--email", default=None)
@click.option("--phone", default=None)
@click.option("--password", required=True)
@click.option("--name", "display_name", default="")
@click.option("--center", default=None, help="Center name or id (counselors and admins).")
@with_appcontext
def create(role, email, phone, password, display_name, center) -> None:
    """Create an account and print its login."""
    if len(password) < 8:
        raise click.BadParameter("at least 8 characters", param_hint="--password")
    center_id = _find_center(center).id if center else None
    try:
        user = create_user(
            role=Role(role),
            email=email,
            phone=phone,
            password=password,
            display_name=display_name,
            center_id=center_id,
        )
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {user.role} account {user.login_name} (id {user.id}).")
