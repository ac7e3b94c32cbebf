"""Visitors' reports of bad postings: one per reporter per opening, weighed by who reports
(safety/trust.py) and counted once per address; enough weight (or one counselor) hides the opening
until a counselor checks it, unless the reports come in a burst on its organization
(safety/bursts.py); then the counselor's decision (dismiss or confirm) with who, when and why.
Services flush; the view commits."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
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
from portal.safety import bursts, trust
from portal.safety.models import OpeningReport, ReporterTrust, ReportOutcome, ReportReason

MAX_DETAILS = 1000
MAX_NOTE = 500

TRUST_LABELS = {
    ReporterTrust.ANONYMOUS: _l("Visitor, not logged in"),
    ReporterTrust.NEW_ACCOUNT: _l("New or unconfirmed account"),
    ReporterTrust.TRUSTED: _l("Trusted account"),
    ReporterTrust.STAFF: _l("Staff"),
}

REASON_LABELS = {
    ReportReason.ASKED_FOR_MONEY: _l("They asked me for money"),
    ReportReason.NOT_A_REAL_COMPANY: _l("It is not a real company"),
    ReportReason.DIFFERENT_WORK: _l("The work was different from the posting"),
    ReportReason.KEPT_DOCUMENTS: _l("They kept my passport or ID card"),
    ReportReason.NOT_PAID: _l("They did not pay me"),
    ReportReason.NOT_FREE_TO_LEAVE: _l("They do not let me leave"),
    ReportReason.OTHER: _l("Something else"),
}


class ReportError(ValueError):
    """The report or decision cannot be made; str(error) says why. `field` names the form
    field the message belongs next to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def reporter_key(address: str | None) -> str:
    """A keyed hash of a reporter's IP address (HMAC-SHA256 with the app's SECRET_KEY): the same
    address gives the same key, so several accounts on one address count once, and the address
    itself is never stored. Keyed rather than salted in the row: the 2^32 IPv4 addresses could be
    tried one by one against a stolen table, not without the key."""
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
    """Record a report (None when this person already reported it: they count once), then hide
    the opening when a counselor reported it or the weight on different addresses is enough
    (safety/trust.py); reports in a burst on its organization alert its counselors instead."""
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
        reporter_key=key,
        trust=trust.reporter_trust(user),
    )
    db.session.add(new)
    db.session.flush()
    bursts.check(new, opening.organization)
    if opening.hidden_by_reports_at is None and _enough(opening, new):
        hide(opening, by_staff=new.trust == ReporterTrust.STAFF)
    return new


def _enough(opening: Opening, new: OpeningReport) -> bool:
    return (
        new.trust == ReporterTrust.STAFF
        or counted_weight(_open_reports(opening)) >= trust.hide_after()
    )


def _address(report: OpeningReport) -> object:
    """Where a report came from: its address key (reports made before keys were kept for
    accounts: the account)."""
    return report.reporter_key or ("user", report.reporter_id)


def counted_weight(reports: list[OpeningReport]) -> Fraction:
    """The weight of `reports` towards hiding: each address counts once, with its most trusted
    reporter; reports made in a burst count nothing."""
    best: dict[object, Fraction] = {}
    for item in reports:
        if not item.in_burst:
            address = _address(item)
            best[address] = max(best.get(address, Fraction(0)), trust.weight(item.trust))
    return sum(best.values(), Fraction(0))


def hide(opening: Opening, *, by_staff: bool = False) -> None:
    """Take the opening out of every public list, search and page until a counselor checks it."""
    opening.hidden_by_reports_at = utcnow()
    db.session.flush()
    search.index(opening)
    opening_services.tell_members(opening, "being_checked")
    reports = _open_reports(opening)
    detail = {
        "reports": len(reports),
        "addresses": len({_address(item) for item in reports}),
        "weight": str(round(float(counted_weight(reports)), 2)),
        "by_staff": by_staff,
    }
    record(AuditAction.OPENING_HIDDEN_BY_REPORTS, subject=opening, detail=detail)


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

    @property
    def weight(self) -> float:
        """What the reports count towards hiding, in trusted reporters."""
        return float(counted_weight(self.reports))

    @property
    def needed(self) -> int:
        return trust.hide_after()

    def address_labels(self) -> dict[int, str]:
        """A letter per address (A, B, C... by first report), so a counselor sees which reports
        came from one place without seeing the place."""
        letters: dict[object, str] = {}
        for item in self.reports:
            letters.setdefault(_address(item), _letter(len(letters)))
        return {item.id: letters[_address(item)] for item in self.reports}

    @property
    def addresses(self) -> int:
        return len({_address(item) for item in self.reports})

    def reason_counts(self) -> list[tuple[ReportReason, int]]:
        counts: dict[ReportReason, int] = {}
        for item in self.reports:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        return sorted(counts.items(), key=lambda pair: -pair[1])


def _letter(index: int) -> str:
    return chr(ord("A") + index % 26) + (str(index // 26) if index >= 26 else "")


def queue(
    provinces: frozenset[str] | None = None, first: frozenset[str] = frozenset()
) -> list[ReportedOpening]:
    """Openings with open reports in `provinces` (None: everywhere): those in `first` (the
    counselor's center's provinces) first, then hidden ones, the most weight, the oldest."""
    query = select(OpeningReport).where(OpeningReport.resolved_at.is_(None))
    if provinces is not None:
        in_scope = select(Opening.id).where(Opening.province_code.in_(sorted(provinces)))
        query = query.where(OpeningReport.opening_id.in_(in_scope))
    rows = db.session.scalars(
        query.options(
            selectinload(OpeningReport.opening).selectinload(Opening.organization),
            selectinload(OpeningReport.reporter).selectinload(User.youth_profile),
        ).order_by(OpeningReport.created_at, OpeningReport.id)
    )
    grouped: dict[int, ReportedOpening] = {}
    for item in rows:
        grouped.setdefault(item.opening_id, ReportedOpening(item.opening)).reports.append(item)
    return sorted(
        grouped.values(),
        key=lambda group: (
            group.opening.province_code not in first,
            group.opening.hidden_by_reports_at is None,
            -group.weight,
            -group.people,
            group.first_at,
        ),
    )


def open_report_count(opening: Opening) -> int:
    """Open reports of one opening (staff see it on the opening's page)."""
    return len(_open_reports(opening))
