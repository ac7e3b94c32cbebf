"""Each rule's figures from the counselors' decisions: how often it fired on a decided opening,
how often the counselor confirmed or dismissed the warnings, and its precision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from portal.extensions import db
from portal.screening_admin.models import ScreeningDecision, Verdict


@dataclass
class RuleFigures:
    """One rule's record: `hits` decided openings it fired on, and what counselors found."""

    name: str
    confirmed: int = 0
    dismissed: int = 0

    @property
    def hits(self) -> int:
        return self.confirmed + self.dismissed

    @property
    def precision(self) -> float | None:
        """Confirmed out of decided (None before any decision)."""
        return self.confirmed / self.hits if self.hits else None


def decisions_since(since: datetime | None = None) -> list[ScreeningDecision]:
    """The decisions made from `since` (all of them when None), oldest first."""
    query = select(ScreeningDecision).order_by(ScreeningDecision.decided_at)
    if since is not None:
        query = query.where(ScreeningDecision.decided_at >= since)
    return list(db.session.scalars(query))


def rule_figures(decisions: list[ScreeningDecision], names=()) -> list[RuleFigures]:
    """The figures of every rule that fired in `decisions` (and of `names`, even unfired),
    the rules that cry wolf first: lowest precision, then most dismissals; unfired rules last."""
    figures = {name: RuleFigures(name) for name in names}
    for decision in decisions:
        for name in dict.fromkeys(decision.rule_names):
            rule = figures.setdefault(name, RuleFigures(name))
            if decision.decision == Verdict.CONFIRMED:
                rule.confirmed += 1
            else:
                rule.dismissed += 1
    return sorted(figures.values(), key=_wolf_first)


def _wolf_first(rule: RuleFigures) -> tuple:
    if rule.precision is None:
        return (1, 0.0, 0, rule.name)
    return (0, rule.precision, -rule.dismissed, rule.name)
