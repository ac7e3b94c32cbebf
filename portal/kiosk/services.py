"""Which centers' kiosks a staff member may set up."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth.models import Role, User
from portal.centers.models import Center
from portal.extensions import db


def kiosk_centers_for(user: User) -> list[Center]:
    """Centers with kiosk mode on that `user` may set up: an admin any, a counselor their own."""
    query = select(Center).where(Center.kiosk_mode.is_(True)).order_by(Center.name)
    if user.role != Role.ADMIN:
        query = query.where(Center.id == user.center_id)
    return list(db.session.scalars(query))
