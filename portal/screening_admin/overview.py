"""The rules page's rows: each rule with its figures from the decisions and its switch."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from portal.extensions import db
from portal.screening_admin.catalog import RuleEntry, rule_entries, rule_names
from portal.screening_admin.figures import RuleFigures, decisions_since, rule_figures
from portal.screening_admin.models import ScreeningRuleSetting


@dataclass(frozen=True)
class RuleRow:
    rule: RuleEntry
    figures: RuleFigures
    setting: ScreeningRuleSetting | None  # who switched it last, when (None: never)

    @property
    def on(self) -> bool:
        return self.setting is None or self.setting.enabled


def rule_rows() -> list[RuleRow]:
    """Every rule in the indicators' order, with its hits and dismissals so far."""
    settings = {s.name: s for s in db.session.scalars(select(ScreeningRuleSetting))}
    figures = {f.name: f for f in rule_figures(decisions_since(), names=rule_names())}
    return [
        RuleRow(entry, figures[entry.name], settings.get(entry.name)) for entry in rule_entries()
    ]
