"""What leaves the center: the long-format CSV and the XLSX of a report, small cells hidden,
named after the center(s) and the period, with header rows that say both. No HTTP."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from portal.centers.models import Center
from portal.csvexport import csv_text
from portal.extensions import db
from portal.i18n import localise_digits, nice_date
from portal.indicators.labels import indicator_label
from portal.indicators.periods import period_slug, period_words
from portal.indicators.suppression import SMALL, Cell, Hidden, Key
from portal.indicators.tables import report_cells
from portal.indicators.types import Report
from portal.places import province_name

COLUMNS = (
    "indicator",
    "indicator_label",
    "sex",
    "age_band",
    "breakdown",
    "breakdown_value",
    "value",
    "unit",
    "denominator",
    "hidden",
)
_DROPPED_WORDS = {"center", "centre"}


@dataclass
class Heading:
    """Who and when a report is about, in the reader's words."""

    centers: str
    period: str
    made_on: date
    province: str = ""
    period_in_files: str = ""  # with ISO dates, which any spreadsheet reads

    @property
    def made_on_words(self) -> str:
        """The day it was made, in the reader's words and digits."""
        return localise_digits(nice_date(self.made_on))


def center_names(center_ids: tuple[int, ...] | None) -> list[str]:
    if center_ids is None:
        return []
    return list(
        db.session.scalars(
            select(Center.name).where(Center.id.in_(center_ids)).order_by(Center.name)
        )
    )


def heading(report: Report, made_on: date, locale: str = "en") -> Heading:
    names = center_names(report.center_ids)
    centers = ", ".join(names) if report.center_ids is not None else _("All centers")
    province = province_name(report.province_code, locale) if report.province_code else ""
    return Heading(
        centers, period_words(report.period), made_on, province, period_words(report.period, True)
    )


def _slug(text: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _DROPPED_WORDS]
    return "-".join(words)


def file_name(report: Report, extension: str) -> str:
    """phlov-indicators-pursat-2026-Q3.csv: the center (or how many), the province, the period."""
    if report.center_ids is None:
        who = "all-centers"
    elif len(report.center_ids) == 1:
        who = _slug(" ".join(center_names(report.center_ids))) or f"center-{report.center_ids[0]}"
    else:
        who = f"{len(report.center_ids)}-centers"
    if report.province_code:
        who += "-" + (_slug(province_name(report.province_code)) or report.province_code)
    return f"phlov-indicators-{who}-{period_slug(report.period)}.{extension}"


def header_rows(report: Report, head: Heading) -> list[list[str]]:
    """The rows above the table: what, whose, when, and how small cells are shown."""
    rows = [
        [_("Phlov indicators"), head.centers],
        [_("Period"), head.period_in_files],
        [_("Made on"), head.made_on.isoformat()],
    ]
    if head.province:
        rows.append([_("Province"), head.province])
    rows.append([_("Small cells"), small_cells_note()])
    return rows


def small_cells_note() -> str:
    return _(
        "%(small)s: fewer than 5 young people (or a share of fewer than 5). Where one figure of "
        "a row was hidden, a second one is hidden too (*), so that it cannot be worked out from "
        "the total.",
        small=SMALL,
    )


def long_rows(cells: dict[Key, Cell]) -> list[list]:
    """One line per figure, in the computation's order: what a pivot table is built from."""
    rows = []
    for cell in cells.values():
        f = cell.figure
        value = _rounded(cell.value)
        rows.append(
            [
                f.indicator,
                indicator_label(f.indicator),
                f.sex,
                f.age_band,
                f.breakdown.value,
                f.breakdown_value,
                value,
                f.unit.value,
                None if cell.hidden and f.denominator is not None else f.denominator,
                cell.hidden.value,
            ]
        )
    return rows


def _rounded(value):
    """Shares to 4 decimals and medians to 1: what the computation knows, not float noise."""
    return round(value, 4) if isinstance(value, float) else value


def indicators_csv(report: Report, made_on: date) -> str:
    """The header rows, an empty line, then the long-format table."""
    cells = report_cells(report, hide_small=True)
    head = heading(report, made_on)
    return csv_text([*header_rows(report, head), [], list(COLUMNS), *long_rows(cells)])


def indicators_xlsx(report: Report, made_on: date) -> bytes:
    """The same header rows and table in a workbook; numbers stay numbers, hidden cells "<5"."""
    cells = report_cells(report, hide_small=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "indicators"
    for row in header_rows(report, heading(report, made_on)):
        sheet.append(row)
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append([])
    sheet.append(list(COLUMNS))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in long_rows(cells):
        sheet.append(row)
    sheet.column_dimensions["B"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def hidden_kinds(cells: dict[Key, Cell]) -> set[Hidden]:
    return {cell.hidden for cell in cells.values() if cell.hidden}
