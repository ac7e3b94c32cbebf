"""Small cells: what may leave the center. A count of fewer than SMALL_CELL young people (but
more than none) is shown as "<5", and so is a share of fewer than SMALL_CELL people. So that a
hidden cell cannot be worked out by subtracting the others from a total, a group that adds up
(the sexes to the total, the age bands to all ages, a breakdown's values to the whole) with
exactly one hidden cell hides a second one: its smallest other figure, shown as "*". No HTTP."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from portal.indicators.types import (
    AGE_BANDS,
    ALL,
    SEXES,
    SMALL_CELL,
    Breakdown,
    Figure,
    Report,
    Unit,
)

SMALL = f"<{SMALL_CELL}"
COMPLEMENT_MARK = "*"  # not "<5": the hidden second figure may be any size
Key = tuple[str, str, str, str, str]  # indicator, sex, age band, breakdown, breakdown value


class Hidden(StrEnum):
    NO = ""
    SMALL = "small"  # fewer than SMALL_CELL people
    COMPLEMENT = "complement"  # hidden so that a small one cannot be worked out


@dataclass
class Cell:
    figure: Figure
    hidden: Hidden = Hidden.NO

    @property
    def value(self) -> float | int | str | None:
        """The figure as it may leave the center: "<5" when small, "*" when hidden with it."""
        if self.hidden == Hidden.COMPLEMENT:
            return COMPLEMENT_MARK
        return SMALL if self.hidden else self.figure.value


def key_of(figure: Figure) -> Key:
    return (figure.indicator, figure.sex, figure.age_band, figure.breakdown, figure.breakdown_value)


def is_small(figure: Figure) -> bool:
    """Fewer than SMALL_CELL young people, or a share of fewer than SMALL_CELL people."""
    if figure.unit == Unit.PEOPLE:
        return isinstance(figure.value, int | float) and 0 < figure.value < SMALL_CELL
    if figure.unit == Unit.RATE:
        return figure.denominator is not None and 0 < figure.denominator < SMALL_CELL
    return False


def suppressed(report: Report) -> dict[Key, Cell]:
    """Every figure of the report as a cell, small ones and their complements hidden."""
    cells = {key_of(f): Cell(f, Hidden.SMALL if is_small(f) else Hidden.NO) for f in report.figures}
    groups = _groups(cells)
    changed = True
    while changed:
        changed = any([_hide_complement(group) for group in groups])
    return cells


def _groups(cells: dict[Key, Cell]) -> list[tuple[list[Cell], Cell | None]]:
    """The sets of people counts that add up, as (parts, their total)."""
    groups: dict[tuple, list[Cell]] = defaultdict(list)
    totals: dict[tuple, Cell] = {}
    for (indicator, sex, band, breakdown, value), cell in cells.items():
        if cell.figure.unit != Unit.PEOPLE:
            continue
        by_sex, by_band = (
            ("sex", indicator, band, breakdown, value),
            ("band", indicator, sex, breakdown, value),
        )
        _place(groups, totals, by_sex, cell, sex == SEXES[-1])
        _place(groups, totals, by_band, cell, band == AGE_BANDS[-1])
        if breakdown != Breakdown.NONE:
            groups[("breakdown", indicator, sex, band, breakdown)].append(cell)
            whole = cells.get((indicator, sex, band, Breakdown.NONE, ALL))
            if whole is not None:
                totals[("breakdown", indicator, sex, band, breakdown)] = whole
    return [(parts, totals.get(name)) for name, parts in groups.items()]


def _place(groups: dict, totals: dict, name: tuple, cell: Cell, is_total: bool) -> None:
    if is_total:
        totals[name] = cell
    else:
        groups[name].append(cell)


def _hide_complement(group: tuple[list[Cell], Cell | None]) -> bool:
    """Hide a second figure of a group with exactly one hidden cell: its smallest other part,
    or its total when no other part has anybody."""
    parts, total = group
    members = parts + ([total] if total else [])
    if sum(1 for cell in members if cell.hidden) != 1:
        return False
    visible = [c for c in parts if not c.hidden and c.figure.value]
    if visible:
        min(visible, key=lambda cell: cell.figure.value).hidden = Hidden.COMPLEMENT
        return True
    if total is not None and not total.hidden and total.figure.value:
        total.hidden = Hidden.COMPLEMENT
        return True
    return False


def any_hidden(cells: dict[Key, Cell], kind: Hidden) -> bool:
    return any(cell.hidden == kind for cell in cells.values())
