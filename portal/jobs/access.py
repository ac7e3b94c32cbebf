"""Who may see and change an opening: the one place every view asks."""

from __future__ import annotations

from datetime import date

from flask import abort

from portal.auth.models import Role, User
from portal.extensions import db
from portal.jobs.models import Opening


def _is_member(user: User | None, opening: Opening) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.role == Role.EMPLOYER
        and user.organization_id is not None
        and user.organization_id == opening.organization_id
    )


def is_staff(user: User | None) -> bool:
    """Counselors and admins review, publish and edit every opening."""
    return bool(user is not None and user.is_authenticated and user.is_staff)


def can_view(user: User | None, opening: Opening, today: date | None = None) -> bool:
    """The public sees open openings; staff and the owning employer see every status."""
    return opening.is_open_on(today or date.today()) or is_staff(user) or _is_member(user, opening)


def can_edit(user: User | None, opening: Opening) -> bool:
    """Staff edit any opening; an employer edits its own organization's openings only."""
    return is_staff(user) or _is_member(user, opening)


def get_opening_or_404(opening_id: int, for_user: User | None) -> Opening:
    """The opening if it exists and `for_user` may see it; 404 otherwise (never say which)."""
    opening = db.session.get(Opening, opening_id)
    if opening is None or not can_view(for_user, opening):
        abort(404)
    return opening
