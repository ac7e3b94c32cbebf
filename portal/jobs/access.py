"""Who may see and change an opening: the one place every view asks."""

from __future__ import annotations

from datetime import date

from flask import abort

from portal.auth.models import Role, User
from portal.centers.scope import can_act_in
from portal.extensions import db
from portal.jobs.models import Opening, OpeningStatus


def _is_member(user: User | None, opening: Opening) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.role == Role.EMPLOYER
        and user.organization_id is not None
        and user.organization_id == opening.organization_id
    )


def is_staff(user: User | None) -> bool:
    """Counselors and admins see every opening (and act on those in their scope)."""
    return bool(user is not None and user.is_authenticated and user.is_staff)


def is_public(opening: Opening, today: date | None = None) -> bool:
    """Open on `today`, of an organization a counselor has verified, and not hidden by
    visitors' reports until a counselor checks it."""
    return (
        opening.is_open_on(today or date.today())
        and opening.organization.is_verified
        and opening.hidden_by_reports_at is None
    )


def can_view(user: User | None, opening: Opening, today: date | None = None) -> bool:
    """The public sees open openings of verified organizations; staff and the owning employer
    see every status."""
    return is_public(opening, today) or is_staff(user) or _is_member(user, opening)


def can_edit(user: User | None, opening: Opening) -> bool:
    """Staff edit openings in their scope (their center's provinces, or all of Cambodia for
    admins and counselors given national scope); an employer edits its own organization's
    openings only, and not one declined for good."""
    if is_staff(user):
        return can_act_in(user, opening.province_code)
    return _is_member(user, opening) and opening.status != OpeningStatus.DECLINED


def get_opening_or_404(opening_id: int, for_user: User | None) -> Opening:
    """The opening if it exists and `for_user` may see it; 404 otherwise (never say which)."""
    opening = db.session.get(Opening, opening_id)
    if opening is None or not can_view(for_user, opening):
        abort(404)
    return opening
