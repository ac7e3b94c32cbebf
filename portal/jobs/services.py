"""Named state changes of an opening. The status column changes only here, and each change
records who made it, when and why (OpeningStatusChange). Services flush; callers commit."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.jobs.models import Opening, OpeningStatus, OpeningStatusChange
from portal.orgs.models import Organization


class TransitionError(ValueError):
    """The opening cannot move to that status from where it is."""


# Which statuses each status may move to.
ALLOWED = {
    OpeningStatus.DRAFT: {OpeningStatus.PENDING_REVIEW, OpeningStatus.PUBLISHED},
    OpeningStatus.PENDING_REVIEW: {
        OpeningStatus.PUBLISHED,
        OpeningStatus.REJECTED,
        OpeningStatus.DRAFT,
    },
    OpeningStatus.REJECTED: {OpeningStatus.PENDING_REVIEW, OpeningStatus.DRAFT},
    OpeningStatus.PUBLISHED: {OpeningStatus.CLOSED, OpeningStatus.PENDING_REVIEW},
    OpeningStatus.CLOSED: {OpeningStatus.PUBLISHED, OpeningStatus.PENDING_REVIEW},
}


def _change_status(
    opening: Opening, to: OpeningStatus, *, by: User | None, reason: str | None = None
) -> None:
    current = opening.status
    if current is not None and current != to and to not in ALLOWED[current]:
        raise TransitionError(
            _("An opening cannot go from %(current)s to %(to)s.", current=current, to=to)
        )
    opening.status = to
    if to == OpeningStatus.PUBLISHED:
        opening.published_at = utcnow()
        opening.review_note = None
    opening.status_changes.append(
        OpeningStatusChange(
            from_status=current, to_status=to, changed_by_id=by.id if by else None, reason=reason
        )
    )
    db.session.flush()


def submit_for_review(opening: Opening, *, by: User | None) -> None:
    """An employer's new or edited opening waits for a counselor."""
    _change_status(opening, OpeningStatus.PENDING_REVIEW, by=by)


def publish(opening: Opening, *, by: User | None, reason: str | None = None) -> None:
    """Make the opening public (a counselor approved it, or it came from a trusted import)."""
    _change_status(opening, OpeningStatus.PUBLISHED, by=by, reason=reason)


def reject(opening: Opening, *, by: User, reason: str) -> None:
    """Send the opening back to its organization with a reason it can act on."""
    if not reason or not reason.strip():
        raise TransitionError(_("Say why the opening is sent back."))
    opening.review_note = reason.strip()
    _change_status(opening, OpeningStatus.REJECTED, by=by, reason=reason.strip())


def close(opening: Opening, *, by: User | None, reason: str | None = None) -> None:
    """No more applications: filled, cancelled or past its date."""
    _change_status(opening, OpeningStatus.CLOSED, by=by, reason=reason)


def next_ref(organization: Organization) -> str:
    """A reference for an opening posted on the web, unique within its organization."""
    count = db.session.scalar(
        select(func.count()).where(Opening.organization_id == organization.id)
    )
    number = (count or 0) + 1
    while db.session.scalar(
        select(Opening.id).where(
            Opening.organization_id == organization.id, Opening.ref == f"WEB-{number:04d}"
        )
    ):
        number += 1
    return f"WEB-{number:04d}"
