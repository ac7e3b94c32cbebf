"""A report as tables people read: one row per indicator, a column per sex, optionally a row
per age band; and the breakdowns by province, disability and education. The page shows the
exact figures (it stays in the center); the printed report and the exports show the cells of
cells.py, small ones hidden. No HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import get_locale

from portal.indicators.labels import (
    BAND_LABELS,
    BREAKDOWN_LABELS,
    breakdown_value_label,
    indicator_label,
)
from portal.indicators.suppression import Cell, Hidden, Key, key_of, suppressed
from portal.indicators.types import AGE_BANDS, ALL, SEXES, Breakdown, Report, Unit

BREAKDOWNS = (
    Breakdown.PROVINCE,
    Breakdown.DISABILITY,
    Breakdown.EDUCATION,
    Breakdown.OCCUPATION,
)


@dataclass
class Row:
    indicator: str
    label: str
    unit: Unit
    cells: dict[str, Cell]  # by sex
    sub_label: str = ""  # an age band or a breakdown value
    first: bool = True  # the indicator's first row (where its name is written)


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)


def indicators_of(report: Report) -> list[str]:
    """The indicators in the order the computation gives them."""
    return list(dict.fromkeys(figure.indicator for figure in report.figures))


def report_cells(report: Report, hide_small: bool) -> dict[Key, Cell]:
    """Every figure as a cell: small ones hidden for what leaves the center, or all shown."""
    if hide_small:
        return suppressed(report)
    return {key_of(figure): Cell(figure, Hidden.NO) for figure in report.figures}


def _row(
    cells: dict[Key, Cell], indicator: str, band: str, breakdown: str, value: str
) -> dict[str, Cell]:
    found = {sex: cells.get((indicator, sex, band, breakdown, value)) for sex in SEXES}
    return {sex: cell for sex, cell in found.items() if cell is not None}


def main_table(report: Report, cells: dict[Key, Cell], bands: bool = False) -> Table:
    """One row per indicator (all ages), and with `bands` a row per age band under it."""
    table = Table("main", "")
    for indicator in indicators_of(report):
        for band in AGE_BANDS[-1:] + (AGE_BANDS[:-1] if bands else ()):
            row = _row(cells, indicator, band, Breakdown.NONE, ALL)
            if row:
                unit = next(iter(row.values())).figure.unit
                sub = str(BAND_LABELS[band]) if bands else ""
                table.rows.append(
                    Row(indicator, indicator_label(indicator), unit, row, sub, band == ALL)
                )
    return table


def breakdown_table(
    report: Report, cells: dict[Key, Cell], breakdown: Breakdown, only: str | None = None
) -> Table:
    """Under each indicator (or the `only` one), a row per province (or disability, school
    level, occupation group), all ages."""
    locale = str(get_locale() or "en")
    table = Table(breakdown.value, str(BREAKDOWN_LABELS[breakdown]))
    for indicator in indicators_of(report):
        if only and indicator != only:
            continue
        values = dict.fromkeys(
            f.breakdown_value
            for f in report.figures
            if f.indicator == indicator and f.breakdown == breakdown
        )
        for n, value in enumerate(values):
            row = _row(cells, indicator, ALL, breakdown, value)
            if row:
                unit = next(iter(row.values())).figure.unit
                label = breakdown_value_label(breakdown, value, locale)
                table.rows.append(
                    Row(indicator, indicator_label(indicator), unit, row, label, n == 0)
                )
    return table


def breakdown_tables(
    report: Report,
    cells: dict[Key, Cell],
    chosen: tuple[Breakdown, ...] = BREAKDOWNS,
    only: str | None = None,
) -> list[Table]:
    """The chosen breakdown tables (of one indicator, or every one) that have rows."""
    tables = [breakdown_table(report, cells, breakdown, only) for breakdown in chosen]
    return [table for table in tables if table.rows]
