"""`flask users ...`: staff accounts from the command line."""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from portal.audit import AuditAction, record
from portal.auth.models import ApiToken, Role, User
from portal.auth.passwords import password_problem
from portal.auth.services import AccountError, create_user
from portal.auth.tokens import TokenError, expires_at, hash_token, issue_token, revoke_tokens
from portal.centers.cli import find_center
from portal.extensions import db


@click.group("users", help="Manage user accounts.")
def users_cli() -> None:
    pass


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
    if problem := password_problem(password, phone=phone, email=email):
        raise click.BadParameter(problem, param_hint="--password")
    center_id = find_center(center).id if center else None
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


@users_cli.command("token")
@click.argument("email")
@click.option("--revoke", is_flag=True, help="Revoke all of this user's tokens instead.")
@with_appcontext
def token(email, revoke) -> None:
    """Print a new API token for a counselor or admin (shown once), or revoke their tokens."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"no account with the e-mail '{email}'")
    if revoke:
        count = revoke_tokens(user)
        detail = {"via": "cli", "count": count}
        record(AuditAction.TOKEN_REVOKED, actor=None, subject=user, detail=detail)
        db.session.commit()
        click.echo(f"Revoked {count} token(s) of {user.login_name}.")
        return
    try:
        raw = issue_token(user)
    except TokenError as error:
        raise click.ClickException(str(error)) from error
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(raw)))
    record(AuditAction.TOKEN_ISSUED, actor=None, subject=user, detail={"via": "cli"})
    db.session.commit()
    click.echo(raw)
    click.echo(
        f"API token for {user.login_name}, valid until {expires_at(token):%Y-%m-%d %H:%M} UTC. "
        "It is shown only once: keep it safe. Send it as 'Authorization: Bearer <token>'.",
        err=True,
    )
