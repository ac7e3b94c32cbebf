"""The screening rules as staff read them, taken from the engine's own loading functions
(portal/screening/rules.py): one entry per indicator, the unit a reason names, a decision
records and an admin switches, with the pattern rows that raise it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from portal.screening.engine import HIGH_AT, KNOWN_BAD_CONTACT
from portal.screening.rules import indicators, rules


@dataclass(frozen=True)
class Pattern:
    """One row of rules.csv that raises the rule: what it looks for, and its own explanation
    when it has one (else the rule's applies)."""

    lang: str
    kind: str
    pattern: str
    weight: int
    needs: tuple[str, ...]
    explanation_en: str
    explanation_km: str


@dataclass(frozen=True)
class RuleEntry:
    """One screening rule: its name, the explanation counselors read in both languages, the
    weights its rows add to a score, and the rows."""

    id: int
    name: str
    explanation_en: str
    explanation_km: str
    patterns: tuple[Pattern, ...]
    lightest: int
    heaviest: int

    def explanation(self, language: str) -> str:
        """The explanation in `language` ("km" or anything else for English)."""
        return (self.explanation_km if language == "km" else self.explanation_en) or self.name


@cache
def rule_entries() -> tuple[RuleEntry, ...]:
    """Every rule in the indicators' order (read once, as the engine reads its data)."""
    rows: dict[str, list[Pattern]] = {}
    for rule in rules():
        if rule.cue or rule.is_negation:
            continue
        rows.setdefault(rule.target, []).append(_pattern(rule))
    return tuple(_entry(indicator, rows.get(name, [])) for name, indicator in indicators().items())


def _pattern(rule) -> Pattern:
    return Pattern(
        lang=rule.lang,
        kind=rule.kind,
        pattern=rule.pattern,
        weight=rule.weight,
        needs=tuple(rule.needs),
        explanation_en=getattr(rule, "explanation_en", "") or "",
        explanation_km=getattr(rule, "explanation_km", "") or "",
    )


def _entry(indicator, patterns: list[Pattern]) -> RuleEntry:
    # A known bad contact has no pattern row: the engine gives it HIGH_AT itself.
    fixed = HIGH_AT if indicator.name == KNOWN_BAD_CONTACT else 0
    weights = [pattern.weight for pattern in patterns] or [fixed]
    return RuleEntry(
        id=indicator.id,
        name=indicator.name,
        explanation_en=indicator.explanation_en,
        explanation_km=indicator.explanation_km,
        patterns=tuple(patterns),
        lightest=min(weights),
        heaviest=max(weights),
    )


def rule_names() -> frozenset[str]:
    """The names of every rule."""
    return frozenset(entry.name for entry in rule_entries())
