"""Charts drawn on the server: bars by sex and bars stacked by age band, one line per indicator,
as numbers the SVG templates (templates/indicators/_charts.html) place. Shades and a hatch tell
the bars apart on a black-and-white print, and every bar carries its number in words beside it.
Each indicator is drawn on its own scale (its total is the full width): a chart shows how the
people of one figure are split, the tables give the sizes. A hidden cell is drawn empty. No HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.indicators.labels import indicator_label
from portal.indicators.suppression import Cell, Key
from portal.indicators.tables import indicators_of
from portal.indicators.types import AGE_BANDS, ALL, SEXES, Breakdown, Report, Unit

WIDTH = 200  # the bars' full width in the SVG's units (after a 72-unit label column)
PARTS_BY_SEX = SEXES[:-1]
PARTS_BY_BAND = AGE_BANDS[:-1]


@dataclass
class Bar:
    part: str  # a sex or an age band
    cell: Cell | None
    x: float = 0
    width: float = 0


@dataclass
class ChartLine:
    indicator: str
    label: str
    total: Cell
    bars: list[Bar] = field(default_factory=list)


def _width(cell: Cell | None, total: float) -> float:
    if cell is None or cell.hidden or not total or not cell.figure.value:
        return 0
    return round(WIDTH * float(cell.figure.value) / total, 1)


def _lines(
    report: Report, cells: dict[Key, Cell], parts: tuple[str, ...], by_band: bool
) -> list[ChartLine]:
    lines = []
    for indicator in indicators_of(report):
        total = cells.get((indicator, "total", ALL, Breakdown.NONE, ALL))
        if total is None or total.figure.unit != Unit.PEOPLE or not total.figure.value:
            continue
        line = ChartLine(indicator, indicator_label(indicator), total)
        x = 0.0
        for part in parts:
            key = (
                (indicator, "total", part, Breakdown.NONE, ALL)
                if by_band
                else (indicator, part, ALL, Breakdown.NONE, ALL)
            )
            cell = cells.get(key)
            bar = Bar(part, cell, x if by_band else 0, _width(cell, float(total.figure.value)))
            x += bar.width
            line.bars.append(bar)
        lines.append(line)
    return lines


def by_sex(report: Report, cells: dict[Key, Cell]) -> list[ChartLine]:
    """Per indicator of people, a bar per sex, each as long as its share of the total."""
    return _lines(report, cells, PARTS_BY_SEX, by_band=False)


def by_age_band(report: Report, cells: dict[Key, Cell]) -> list[ChartLine]:
    """Per indicator of people, one bar stacked by age band (ages outside 15-30 left empty)."""
    return _lines(report, cells, PARTS_BY_BAND, by_band=True)
