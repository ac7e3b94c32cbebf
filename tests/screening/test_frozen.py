"""The frozen held-out set (data/frozen.toml): figures nobody tunes the rules to (issue 15).

It was written and committed before anyone read the rules for issue 15, and its labels never
change in a commit that changes rules, vocabulary or weights. The gate below keeps the screening's
figures on it from getting worse than they were when it was frozen; the floor rises (the ceilings
fall) as the rules improve, each time to the figures then measured
(`.venv/bin/python -m tests.screening.report`). Misses are not shown here, only counts: ask for
`--frozen-misses` when a figure falls, rather than tuning to the set.
"""

from __future__ import annotations

from portal.screening import HIGH, NONE, Screening
from tests.screening import levels as levels_module
from tests.screening.levels import Levels, labelled_levels, load_frozen

# The targets on the frozen set (issue 15, "Must show").
TARGET_RECALL = 0.95
TARGET_MAX_FALSE_ALARMS = 0.05  # benign postings reaching review or high

# Today's figures, measured on 2026-12-07 when the set was frozen, before any rule changed for
# issue 15: recall 1.000 (60/60), flagged 0.470 (54/115), "high" 0.261 (30/115). Today's recall
# came from rules that flag half the benign postings, so recall may trade down to the issue's
# target, never below it; the ceilings fall as the rules improve and are never loosened.
RECALL_FLOOR = TARGET_RECALL
# After the rules read who does what to whom (issue 15, points 1-2): recall 0.950 (57/60), flagged
# 0.122 (14/115), "high" 0.104 (12/115).
# After the form's working age beside a word of the company's trades became review, not high:
# "high" 0.070 (8/115), the rest unchanged. After the form's working age alone became a weak
# sign: flagged 0.087 (10/115), "high" 0.017 (2/115), recall 0.950 (57/60).
# After four batches of ads by people who had not read the rules (postings_[wvxy].toml) were
# developed on, without looking at this set's postings: flagged 0.035 (4/115), "high" 0.009
# (1/115), recall 0.950 (57/60): the target is met.
FALSE_ALARM_CEILING = 4 / 115
FALSE_HIGH_CEILING = 1 / 115

POSTINGS = load_frozen()


def gate_failures(figures: Levels) -> list[str]:
    """What is worse than the floor, in words (empty when the gate holds)."""
    found = []
    if figures.recall < RECALL_FLOOR:
        found.append(f"recall {figures.recall:.3f} < floor {RECALL_FLOOR}")
    if figures.false_alarm_rate > FALSE_ALARM_CEILING:
        found.append(f"flagged benign {figures.false_alarm_rate:.3f} > {FALSE_ALARM_CEILING:.3f}")
    if figures.false_high_rate > FALSE_HIGH_CEILING:
        found.append(f"benign held high {figures.false_high_rate:.3f} > {FALSE_HIGH_CEILING:.3f}")
    return found


def test_the_frozen_set_is_large_bilingual_and_labels_levels_only():
    ids = [item.id for item in POSTINGS]
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert sum(not item.red_flag for item in POSTINGS) >= 110
    assert sum(item.red_flag for item in POSTINGS) >= 55
    assert sum(item.khmer for item in POSTINGS) * 2 >= len(POSTINGS)
    assert {item.expect for item in POSTINGS} <= {"none", "review", "high"}
    assert not any(item.indicators for item in POSTINGS), "the frozen set labels levels only"


def test_the_screening_is_no_worse_on_the_frozen_set_than_when_it_was_frozen():
    figures = labelled_levels(POSTINGS)
    print(
        f"\nfrozen set: recall {figures.recall:.3f} ({len(figures.caught)}/"
        f"{len(figures.red_flags)}, target >= {TARGET_RECALL}), flagged benign "
        f"{figures.false_alarm_rate:.3f} ({len(figures.false_alarms)}/{len(figures.benign)}, "
        f"target <= {TARGET_MAX_FALSE_ALARMS}), benign high {figures.false_high_rate:.3f}"
    )
    assert gate_failures(figures) == []


def test_the_gate_fails_when_the_screening_flags_nothing(monkeypatch):
    monkeypatch.setattr(levels_module, "screen", lambda posting: Screening(NONE, 0, ()))
    figures = labelled_levels(POSTINGS)
    assert figures.recall == 0
    assert gate_failures(figures) == [f"recall 0.000 < floor {RECALL_FLOOR}"]


def test_the_gate_fails_when_every_posting_is_held(monkeypatch):
    monkeypatch.setattr(levels_module, "screen", lambda posting: Screening(HIGH, 9, ()))
    figures = labelled_levels(POSTINGS)
    assert figures.recall == 1.0
    assert [failure.split()[0] for failure in gate_failures(figures)] == ["flagged", "benign"]
