"""`flask audit ...`: the retention sweep and a quick look at the trail."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import or_, select

from portal.audit.models import AuditEvent
from portal.audit.retention import purge, retention_cutoff
from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.i18n import local_time


@click.group("audit", help="The audit trail: retention and a quick look.")
def audit_cli() -> None:
    pass


@audit_cli.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete audit records older than AUDIT_RETENTION_DAYS and say how many."""
    cutoff = retention_cutoff()
    deleted = purge()
    db.session.commit()
    days = current_app.config["AUDIT_RETENTION_DAYS"]
    click.echo(
        f"Deleted {deleted} audit record(s) older than {days} day(s) "
        f"(before {cutoff:%Y-%m-%d %H:%M} UTC)."
    )


@audit_cli.command("list")
@click.option("--user", "login", default=None, help="E-mail, phone or id of the person who acted.")
@click.option("--days", type=click.IntRange(1, 36500), default=7, show_default=True)
@click.option("--limit", type=click.IntRange(1, 10000), default=100, show_default=True)
@with_appcontext
def list_command(login: str | None, days: int, limit: int) -> None:
    """Print the last events (newest first), in Cambodian time."""
    query = (
        select(AuditEvent, User)
        .outerjoin(User, AuditEvent.actor_id == User.id)
        .where(AuditEvent.at >= utcnow() - timedelta(days=days))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    if login:
        query = query.where(_actor_is(login.strip()))
    count = 0
    for event, actor in db.session.execute(query):
        click.echo(_line(event, actor))
        count += 1
    click.echo(f"{count} event(s) in the last {days} day(s).", err=True)


def _actor_is(login: str):
    matches = [User.email == login.lower(), User.phone == login]
    if login.isdigit() and len(login) < 10:
        matches.append(User.id == int(login))
    return or_(*matches)


def _line(event: AuditEvent, actor: User | None) -> str:
    who = f"{actor.login_name} ({event.actor_role})" if actor else "-"
    about = f"{event.subject_type}:{event.subject_id}" if event.subject_type else "-"
    youth = f"youth:{event.youth_id}" if event.youth_id else "-"
    when = local_time(event.at).strftime("%Y-%m-%d %H:%M:%S")
    return "\t".join([when, who, event.action, about, youth, event.ip or "-"])
