"""The rule files an admin edits are valid: every row names a known indicator or fact, every
pattern compiles, every indicator explains itself in English and Khmer."""

from __future__ import annotations

import re

from portal.screening.facts import FACTS
from portal.screening.rules import indicators, pay_norms, rules

KHMER = re.compile("[\u1780-\u17ff]")
NEGATIONS = ("negation:before", "negation:after", "negation:duty", "negation:applicant")


def test_indicators_are_numbered_as_in_the_issue_and_explained_in_both_languages():
    found = indicators()
    assert [i.id for i in found.values()] == list(range(1, 12))
    assert list(found)[:3] == ["fees", "pay_too_good", "free_travel"]
    for indicator in found.values():
        assert indicator.explanation_en and not KHMER.search(indicator.explanation_en)
        assert KHMER.search(indicator.explanation_km)


def test_every_rule_row_is_valid():
    cues = {rule.cue for rule in rules() if rule.cue}
    known_facts = set(FACTS) | cues
    for rule in rules():
        where = f"rules.csv line {rule.line}"
        assert rule.lang in ("en", "km", "any"), where
        assert rule.kind in ("phrase", "regex", "check"), where
        assert rule.weight >= 0, where
        if rule.lang == "km":
            assert KHMER.search(rule.pattern), where
        if rule.kind == "check":
            assert rule.pattern in known_facts, where
        assert {need.lstrip("!") for need in rule.needs} <= known_facts, where
        if rule.target in indicators():
            assert rule.weight > 0, where
            assert bool(rule.explanation_en) == bool(rule.explanation_km), where
        else:
            assert rule.cue or rule.target in NEGATIONS, where


def test_every_indicator_has_rules_in_both_languages_or_a_check():
    for name, indicator in indicators().items():
        if indicator.id > 10:
            continue
        own = [rule for rule in rules() if rule.target == name]
        assert any(rule.kind == "check" for rule in own) or (
            {"en", "km"} <= {rule.lang for rule in own}
        ), name


def test_pay_norms_are_sane_and_end_with_the_fallback():
    norms = pay_norms()
    assert norms[-1].work == "other"
    for norm in norms:
        assert 0 < norm.usual_min < norm.usual_max, norm.work
    garment = next(n for n in norms if n.work == "garment")
    assert (garment.usual_min, garment.usual_max) == (200, 300)
