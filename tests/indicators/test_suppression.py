"""Small cells: a figure of fewer than 5 young people never leaves the center, and cannot be
worked out from the others by subtracting."""

from __future__ import annotations

from portal.indicators.suppression import COMPLEMENT_MARK, SMALL, Hidden, suppressed
from portal.indicators.types import AGE_BANDS, ALL, SEXES, Breakdown, Figure, Unit
from tests.indicators.reports import realistic_report, tiny_report


def shown(cells, sex, band, indicator="registered"):
    return cells[(indicator, sex, band, Breakdown.NONE, ALL)].value


def test_a_3_becomes_small_and_its_complement_is_hidden():
    cells = suppressed(tiny_report())

    assert shown(cells, "female", "18-24") == SMALL  # 3 women
    assert cells[("registered", "female", "18-24", "all", "all")].hidden == Hidden.SMALL
    assert shown(cells, "male", "18-24") == COMPLEMENT_MARK  # 12, hidden: else 15 - 12 = 3
    assert cells[("registered", "male", "18-24", "all", "all")].hidden == Hidden.COMPLEMENT
    assert shown(cells, "female", "25-30") == COMPLEMENT_MARK  # 7: else 10 - 7 = 3
    assert shown(cells, "total", ALL) == 22
    assert shown(cells, "other", ALL) == 0  # nobody is nobody: zeros stay


def test_no_group_that_adds_up_has_exactly_one_hidden_cell():
    report = realistic_report()
    cells = suppressed(report)
    hidden = {key for key, cell in cells.items() if cell.hidden}
    assert any(c.hidden == Hidden.SMALL for c in cells.values())
    assert any(c.hidden == Hidden.COMPLEMENT for c in cells.values())

    for indicator, _sex, band, breakdown, value in cells:
        if cells[(indicator, "total", band, breakdown, value)].figure.unit != Unit.PEOPLE:
            continue
        row = [(indicator, sex, band, breakdown, value) for sex in SEXES]
        assert sum(key in hidden for key in row) != 1, row
    for indicator, sex, _band, breakdown, value in cells:
        if cells[(indicator, sex, ALL, breakdown, value)].figure.unit != Unit.PEOPLE:
            continue
        column = [(indicator, sex, band, breakdown, value) for band in AGE_BANDS]
        assert sum(key in hidden for key in column) != 1, column


def test_every_small_count_of_people_is_hidden_and_nothing_else_is_changed():
    cells = suppressed(realistic_report())

    for cell in cells.values():
        value = cell.figure.value
        if cell.figure.unit == Unit.PEOPLE and value and value < 5:
            assert cell.value == SMALL
        if not cell.hidden:
            assert cell.value == value


def test_counts_of_things_are_never_hidden_but_a_share_of_few_people_is():
    report = tiny_report()
    report.figures += [
        Figure("openings_published", "total", ALL, 2, Unit.COUNT),
        Figure("placement_rate", "female", ALL, 0.5, Unit.RATE, denominator=4),
        Figure("placement_rate", "male", ALL, 0.25, Unit.RATE, denominator=12),
    ]
    cells = suppressed(report)

    assert cells[("openings_published", "total", ALL, "all", "all")].value == 2
    assert cells[("placement_rate", "female", ALL, "all", "all")].value == SMALL
    assert cells[("placement_rate", "male", ALL, "all", "all")].value == 0.25


def test_a_breakdown_cannot_give_away_a_hidden_province():
    cells = suppressed(realistic_report())

    for (indicator, sex, band, breakdown, _value), cell in cells.items():
        if breakdown != Breakdown.PROVINCE or band != ALL or cell.figure.unit != Unit.PEOPLE:
            continue
        group = [c for k, c in cells.items() if k[:4] == (indicator, sex, band, breakdown)]
        group.append(cells[(indicator, sex, band, Breakdown.NONE, ALL)])
        assert sum(bool(c.hidden) for c in group) != 1
