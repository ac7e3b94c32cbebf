"""Counselors' decisions on screened openings, kept with the rules that fired, so that each
rule's figures come from what counselors found (see figures.py).

A decision is a staff member moving an opening that waited for review, with warning signs
("review" or "high"), to published (the warnings dismissed), or to declined or sent back (the
warnings confirmed: it stays off the portal). Called by portal/jobs/services._audit_decision,
the one place every staff decision on an opening passes."""

from __future__ import annotations

from portal.auth.models import User
from portal.extensions import db
from portal.jobs.models import Opening, OpeningStatus, ScreeningLevel
from portal.screening_admin.models import ScreeningDecision, Verdict

VERDICTS = {
    OpeningStatus.PUBLISHED: Verdict.DISMISSED,
    OpeningStatus.DECLINED: Verdict.CONFIRMED,
    OpeningStatus.REJECTED: Verdict.CONFIRMED,
}
WAITING = frozenset({OpeningStatus.PENDING_REVIEW, OpeningStatus.REJECTED})
FLAGGED = frozenset({ScreeningLevel.REVIEW, ScreeningLevel.HIGH})


def record_decision(
    opening: Opening, previous: OpeningStatus | None, *, by: User
) -> ScreeningDecision | None:
    """Keep `by`'s decision on `opening` (just moved from `previous`) with the rules that fired,
    when it was a decision on warning signs; None otherwise. Adds to the session."""
    verdict = VERDICTS.get(opening.status)
    reasons = opening.screening_reasons or []
    if verdict is None or previous not in WAITING or opening.screening_level not in FLAGGED:
        return None
    decision = ScreeningDecision(
        opening_id=opening.id,
        decided_by_id=by.id,
        decision=verdict,
        to_status=str(opening.status),
        level=str(opening.screening_level),
        score=sum(int(reason.get("weight", 0)) for reason in reasons),
        rules=[{"name": r.get("name", ""), "weight": int(r.get("weight", 0))} for r in reasons],
    )
    db.session.add(decision)
    return decision
