"""The labelled set (data/postings.toml): the screening catches the red-flag postings and leaves
the benign ones alone, in English and Khmer."""

from __future__ import annotations

from collections import Counter

import pytest

from portal.screening import engine
from portal.screening.rules import indicators
from tests.screening.labelled import MAX_FALSE_ALARM_RATE, MIN_RECALL, evaluate, load
from tests.screening.report import figures_text, misses_text

POSTINGS = load()
TEN_INDICATORS = [name for name, i in indicators().items() if i.id <= 10]


def test_the_set_is_large_bilingual_and_covers_every_indicator_several_times():
    ids = [item.id for item in POSTINGS]
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert len(POSTINGS) >= 120
    assert sum(not item.red_flag for item in POSTINGS) >= 60
    assert sum(item.red_flag for item in POSTINGS) >= 60
    assert sum(item.khmer for item in POSTINGS) >= 40
    labelled = Counter(name for item in POSTINGS for name in item.indicators)
    assert set(labelled) <= set(TEN_INDICATORS)
    assert all(labelled[name] >= 5 for name in TEN_INDICATORS), labelled
    assert all(item.indicators for item in POSTINGS if item.red_flag)
    assert not any(item.indicators for item in POSTINGS if not item.red_flag)


def test_red_flags_are_caught_and_benign_postings_left_alone():
    figures = evaluate(POSTINGS)
    print()
    print(figures_text(POSTINGS, figures))
    print(misses_text(figures))
    assert figures.recall >= MIN_RECALL
    assert figures.false_alarm_rate <= MAX_FALSE_ALARM_RATE


def test_each_indicator_fires_on_most_postings_labelled_with_it():
    recall = evaluate(POSTINGS).indicator_recall
    assert {name: r for name, r in recall.items() if r < 0.8} == {}


def test_khmer_red_flags_are_caught_as_well_as_english_ones():
    khmer = [item for item in POSTINGS if item.khmer]
    figures = evaluate(khmer)
    assert figures.red_flags >= 20 and figures.benign >= 15
    assert figures.recall >= MIN_RECALL
    assert figures.false_alarm_rate <= MAX_FALSE_ALARM_RATE


def test_the_gate_fails_when_a_kind_of_rule_is_lost(monkeypatch):
    """Without the fee rows the figures drop: the test above can fail."""
    for name in ("rules", "scanned_rules"):
        kept = tuple(r for r in getattr(engine, name)() if r.target != "fees")
        monkeypatch.setattr(engine, name, lambda kept=kept: kept)
    figures = evaluate(POSTINGS)
    assert figures.indicator_recall["fees"] == 0
    assert figures.recall < 1.0


@pytest.mark.parametrize("item", [i for i in POSTINGS if i.red_flag], ids=lambda i: i.id)
def test_every_reason_cites_words_of_the_posting(item):
    from portal.screening import screen

    for reason in screen(item.posting).reasons:
        assert reason.matches, reason.name
        for span in reason.matches:
            value = _field_value(item.posting, span.field)
            if value is not None:
                assert value[span.start : span.end] == span.text


def _field_value(posting, field):
    if field == "skills":
        return "; ".join(posting.skills)
    if field in ("title", "description", "organization_name", "contact"):
        return getattr(posting, field)
    return None  # a fact from a field's value (min_age, salary, country)
