"""What the commands of several domains ask of centers (`flask users create --center`,
`flask youth import --center`)."""

import click
from sqlalchemy import select

from portal.centers.models import Center
from portal.extensions import db


def find_center(text: str) -> Center:
    """The center named `text` (or of id `text`); a bad parameter listing the centers if none."""
    query = select(Center).where(Center.name == text)
    if text.isdigit():
        query = select(Center).where(Center.id == int(text))
    center = db.session.scalar(query)
    if center is None:
        names = ", ".join(db.session.scalars(select(Center.name).order_by(Center.name)))
        raise click.BadParameter(f"no center '{text}'. Centers: {names or 'none yet'}")
    return center
