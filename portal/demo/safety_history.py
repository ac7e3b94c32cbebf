"""The demo's past year of safety work (data/history.toml): postings the screening held for a
counselor, and what counselors decided; visitors' reports of bad postings, checked or waiting.
Everything goes through the services, then is dated back to when it happened."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select

from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import Opening, OpeningKind, OpeningStatus
from portal.safety import reports
from portal.screening_admin.models import ScreeningDecision

from . import data
from .openings import Poster
from .people import CenterDesk
from .pipeline import at_office_hours


def held_postings(
    rng: random.Random, posters: list[Poster], by_province: dict[str, CenterDesk], now: datetime
) -> list[Opening]:
    """Postings with warning signs sent for review, then declined, published after a check, or
    still waiting."""
    by_name = {p.organization.name: p for p in posters}
    held = []
    for row in data.history()["held"]:
        organization = by_name[row["organization"]].organization
        counselor = by_province[row["province"]].counselor
        opening = Opening(
            organization=organization,
            kind=OpeningKind.JOB,
            title=row["title"],
            description=row["text"],
            province_code=row["province"],
            positions=rng.randint(2, 10),
            closing_date=now.date() + timedelta(days=rng.randint(10, 40)),
        )
        with db.session.no_autoflush:  # the new opening is not complete until it has its ref
            opening.ref = services.next_ref(organization)
        db.session.add(opening)
        services.submit_for_review(opening, by=None)
        if row["outcome"] == "declined":
            services.decline(opening, by=counselor, reason=row["reason"])
        elif row["outcome"] == "published":
            services.publish(opening, by=counselor, confirmed_warnings=True)
        _date_back(opening, now - timedelta(days=rng.randint(3, 60)))
        held.append(opening)
    return held


def _date_back(opening: Opening, created: datetime) -> None:
    """The posting came in at `created`; the counselor looked at it the next working day."""
    opening.created_at = opening.updated_at = opening.screened_at = created
    decided = created + timedelta(days=1, hours=2)
    for change in opening.status_changes:
        change.changed_at = created if change.to_status == OpeningStatus.PENDING_REVIEW else decided
    if opening.status == OpeningStatus.PUBLISHED:
        opening.published_at = opening.screening_confirmed_at = decided
    query = select(ScreeningDecision).where(ScreeningDecision.opening_id == opening.id)
    for decision in db.session.scalars(query):
        decision.decided_at = decided


def visitors_reports(
    rng: random.Random, openings: list[Opening], by_province: dict[str, CenterDesk], now: datetime
) -> None:
    """A visitor reports a public posting (a different address each); a counselor of its
    province confirms it (closed), finds it fine, or has not looked yet. Before the year's
    applications: nobody applies to a posting after it was closed."""
    live = [o for o in openings if o.is_open_on(now.date()) and o.kind == OpeningKind.JOB]
    for row, opening in zip(data.history()["report"], rng.sample(live, 3), strict=False):
        address = f"203.144.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        report = reports.report(
            opening, row["reason"], row["details"], user=None, key=reports.reporter_key(address)
        )
        report.created_at = at_office_hours(rng, now.date() - timedelta(days=rng.randint(2, 12)))
        counselor = by_province[opening.province_code].counselor
        if row["outcome"] == "confirmed":
            reports.confirm(opening, by=counselor, note=row["note"])
        elif row["outcome"] == "dismissed":
            reports.dismiss(opening, by=counselor, note=row["note"])
        if report.resolved_at is not None:
            report.resolved_at = report.created_at + timedelta(days=1)
        if opening.status == OpeningStatus.CLOSED:
            opening.status_changes[-1].changed_at = report.resolved_at
