"""Visitors' reports of bad postings: one per reporter per opening, three reporters hide the
opening until a counselor checks it, and the counselor's decision (dismiss or confirm) with who,
when and why. Services flush; the view commits."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime
from hashlib import sha256

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal import search
from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.jobs import services as opening_services
from portal.jobs.models import Opening, OpeningStatus
from portal.safety.models import OpeningReport, ReportOutcome, ReportReason

HIDE_AFTER = 3  # open reports from different people
MAX_DETAILS = 1000
MAX_NOTE = 500

REASON_LABELS = {
    ReportReason.ASKED_FOR_MONEY: _l("They asked me for money"),
    ReportReason.NOT_A_REAL_COMPANY: _l("It is not a real company"),
    ReportReason.DIFFERENT_WORK: _l("The work was different from the posting"),
    ReportReason.KEPT_DOCUMENTS: _l("They kept my passport or ID card"),
    ReportReason.OTHER: _l("Something else"),
}


class ReportError(ValueError):
    """The report or decision cannot be made; str(error) says why. `field` names the form
    field the message belongs next to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def reporter_key(address: str | None) -> str:
    """A keyed hash of a visitor's IP address (HMAC-SHA256 with the app's SECRET_KEY): the same
    visitor gives the same key, and the address itself is never stored."""
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, (address or "unknown").encode(), sha256).hexdigest()


def _open_reports(opening: Opening) -> list[OpeningReport]:
    return list(
        db.session.scalars(
            select(OpeningReport).where(
                OpeningReport.opening_id == opening.id, OpeningReport.resolved_at.is_(None)
            )
        )
    )


def _who(report: OpeningReport) -> tuple[str, object]:
    """One reporter: a logged-in user by id, a visitor by the key of their address."""
    if report.reporter_id is not None:
        return ("user", report.reporter_id)
    return ("visitor", report.reporter_key)


def already_reported(opening: Opening, *, user: User | None, key: str) -> bool:
    """True when this person has a report of `opening` still waiting for a counselor."""
    me = ("user", user.id) if user is not None else ("visitor", key)
    return any(_who(report) == me for report in _open_reports(opening))


def report(
    opening: Opening, reason: ReportReason | str, details: str, *, user: User | None, key: str
) -> OpeningReport | None:
    """Record a report (None when this person already reported it: they count once). The third
    reporter hides the opening and tells its organization it is being checked."""
    details = (details or "").strip()
    if len(details) > MAX_DETAILS:
        raise ReportError(
            _("Please write %(max)d characters at most.", max=MAX_DETAILS), field="details"
        )
    reason = ReportReason(reason)
    if reason == ReportReason.OTHER and not details:
        raise ReportError(_("Please say what was wrong."), field="details")
    if already_reported(opening, user=user, key=key):
        return None
    new = OpeningReport(
        opening_id=opening.id,
        reason=reason,
        details=details,
        reporter_id=user.id if user is not None else None,
        reporter_key=None if user is not None else key,
    )
    db.session.add(new)
    db.session.flush()
    if opening.hidden_by_reports_at is None and reporters(opening) >= HIDE_AFTER:
        hide(opening)
    return new


def reporters(opening: Opening) -> int:
    """How many different people have an open report of `opening`."""
    return len({_who(report) for report in _open_reports(opening)})


def hide(opening: Opening) -> None:
    """Take the opening out of every public list, search and page until a counselor checks it."""
    opening.hidden_by_reports_at = utcnow()
    db.session.flush()
    search.index(opening)
    opening_services.tell_members(opening, "being_checked")


def _resolve(opening: Opening, outcome: ReportOutcome, *, by: User, note: str) -> int:
    reports = _open_reports(opening)
    now = utcnow()
    for item in reports:
        item.resolved_at = now
        item.resolved_by_id = by.id
        item.outcome = outcome
        item.resolution_note = note or None
    detail = {"outcome": str(outcome), "reports": len(reports)}
    record(AuditAction.REPORT_DECIDED, actor=by, subject=opening, detail=detail)
    return len(reports)


def _clean_note(note: str | None, required: bool) -> str:
    note = (note or "").strip()
    if required and not note:
        raise ReportError(_("Say what you found, in a few words."), field="note")
    if len(note) > MAX_NOTE:
        raise ReportError(_("Please write %(max)d characters at most.", max=MAX_NOTE), field="note")
    return note


def dismiss(opening: Opening, *, by: User, note: str | None = None) -> int:
    """The posting is fine: resolve all its open reports and show it again. Returns how many
    reports were resolved."""
    note = _clean_note(note, required=False)
    count = _resolve(opening, ReportOutcome.DISMISSED, by=by, note=note)
    if opening.hidden_by_reports_at is not None:
        opening.hidden_by_reports_at = None
        db.session.flush()
        search.index(opening)
        opening_services.tell_members(opening, "check_passed")
    db.session.flush()
    return count


def confirm(opening: Opening, *, by: User, note: str) -> int:
    """A bad posting: close it (published) or decline it (waiting or sent back), with the note as
    the reason, and resolve its reports. A hidden opening stays hidden: not even listed among
    closed openings. Returns how many reports were resolved."""
    note = _clean_note(note, required=True)
    if opening.status == OpeningStatus.PUBLISHED:
        opening_services.close(opening, by=by, reason=note)
        opening_services.tell_members(opening, "closed_after_check", reason=note)
    elif opening.status in (OpeningStatus.PENDING_REVIEW, OpeningStatus.REJECTED):
        opening_services.decline(opening, by=by, reason=note)  # tells the organization
    count = _resolve(opening, ReportOutcome.CONFIRMED, by=by, note=note)
    db.session.flush()
    return count


# --- the counselors' queue --------------------------------------------------------------------


@dataclass
class ReportedOpening:
    """One opening of the queue and its open reports, oldest first."""

    opening: Opening
    reports: list[OpeningReport] = field(default_factory=list)

    @property
    def people(self) -> int:
        return len({_who(report) for report in self.reports})

    @property
    def first_at(self) -> datetime:
        return self.reports[0].created_at

    def reason_counts(self) -> list[tuple[ReportReason, int]]:
        counts: dict[ReportReason, int] = {}
        for item in self.reports:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        return sorted(counts.items(), key=lambda pair: -pair[1])


def queue() -> list[ReportedOpening]:
    """Openings with open reports: hidden ones first, then the most reported, then the oldest."""
    rows = db.session.scalars(
        select(OpeningReport)
        .where(OpeningReport.resolved_at.is_(None))
        .options(selectinload(OpeningReport.opening).selectinload(Opening.organization))
        .order_by(OpeningReport.created_at, OpeningReport.id)
    )
    grouped: dict[int, ReportedOpening] = {}
    for item in rows:
        grouped.setdefault(item.opening_id, ReportedOpening(item.opening)).reports.append(item)
    return sorted(
        grouped.values(),
        key=lambda group: (
            group.opening.hidden_by_reports_at is None,
            -group.people,
            group.first_at,
        ),
    )


def open_report_count(opening: Opening) -> int:
    """Open reports of one opening (staff see it on the opening's page)."""
    return len(_open_reports(opening))
