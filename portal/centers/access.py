"""Loading the centers and staff accounts an admin manages: a missing id answers 404."""

from __future__ import annotations

from flask import abort

from portal.auth.models import Role, User
from portal.centers.models import Center
from portal.extensions import db


def get_center_or_404(center_id: int, for_user: User) -> Center:
    """Any center, for an admin."""
    center = db.session.get(Center, center_id)
    if center is None or for_user.role != Role.ADMIN:
        abort(404)
    return center


def get_staff_or_404(user_id: int, for_user: User) -> User:
    """A counselor or admin account, for an admin (other accounts are not managed here)."""
    user = db.session.get(User, user_id)
    if user is None or not user.is_staff or for_user.role != Role.ADMIN:
        abort(404)
    return user
