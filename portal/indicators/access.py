"""Whose figures a person may see: a counselor her center's only, an admin any centers (none
chosen: all). Young people and employers never reach here (staff_required)."""

from __future__ import annotations

from flask import abort
from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.centers.models import Center
from portal.extensions import db


def centers_for(user: User, asked: list[int]) -> tuple[int, ...] | None:
    """The centers of a report `user` asked for: another center than hers is a 404 for a
    counselor; an admin's unknown center too. None: every center (admins only)."""
    chosen = tuple(sorted(set(asked)))
    if user.role == Role.ADMIN:
        if not chosen:
            return None
        known = db.session.scalar(select(func.count()).where(Center.id.in_(chosen)))
        if known != len(chosen):
            abort(404)
        return chosen
    if user.center_id is None:
        abort(403)
    if chosen and chosen != (user.center_id,):
        abort(404)
    return (user.center_id,)
