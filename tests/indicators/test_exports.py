"""The files that leave the center: long-format, they add up wherever nothing is hidden, small
cells read "<5", the XLSX holds the same numbers as the CSV, names and header rows say whose
figures and which period."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date

import pytest
from openpyxl import load_workbook

from portal.indicators.exports import COLUMNS, file_name, indicators_csv, indicators_xlsx
from portal.indicators.periods import period_slug, preset_period
from portal.indicators.suppression import COMPLEMENT_MARK, SMALL
from portal.indicators.types import Period
from tests.indicators.reports import realistic_report, tiny_report

MADE = date(2026, 10, 2)


def csv_table(text: str) -> tuple[list[list[str]], list[dict[str, str]]]:
    """(header rows, the long table as dicts) of an exported CSV."""
    lines = list(csv.reader(io.StringIO(text)))
    blank = lines.index([])
    assert lines[blank + 1] == list(COLUMNS)
    return lines[:blank], [dict(zip(COLUMNS, line, strict=True)) for line in lines[blank + 2 :]]


def xlsx_table(data: bytes) -> tuple[list[list], list[dict]]:
    sheet = load_workbook(io.BytesIO(data)).active
    lines = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    blank = lines.index([])
    assert lines[blank + 1] == list(COLUMNS)
    rows = [list(row) for row in sheet.iter_rows(min_row=blank + 3, values_only=True)]
    return lines[:blank], [dict(zip(COLUMNS, row, strict=True)) for row in rows]


@pytest.fixture
def pursat(make_center):
    return make_center(name="Pursat center", province_code="15")


def number(value):
    return None if value in (SMALL, COMPLEMENT_MARK, "", None) else float(value)


def check_adds_up(rows: list[dict]) -> int:
    """Sexes add up to the total and age bands to "all" wherever every cell is shown; returns
    how many sums were checked (a check of nothing is no check)."""
    sexes, bands = defaultdict(dict), defaultdict(dict)
    for row in rows:
        if row["unit"] != "people":
            continue
        where = (row["indicator"], row["breakdown"], row["breakdown_value"])
        sexes[(*where, row["age_band"])][row["sex"]] = number(row["value"])
        bands[(*where, row["sex"])][row["age_band"]] = number(row["value"])
    checked = 0
    for group, whole in ((sexes, "total"), (bands, "all")):
        for cells in group.values():
            if None not in cells.values():
                parts = sum(v for k, v in cells.items() if k != whole)
                assert parts == cells[whole], cells
                checked += 1
    return checked


def test_the_csv_is_long_format_and_adds_up(pursat):
    report = realistic_report(center_ids=(pursat.id,))

    header, rows = csv_table(indicators_csv(report, MADE))

    assert check_adds_up(rows) > 50
    assert {r["sex"] for r in rows} == {"female", "male", "other", "total"}
    assert {r["age_band"] for r in rows} == {"15-17", "18-24", "25-30", "all"}
    assert {r["breakdown"] for r in rows} == {"all", "province", "disability", "education"}
    assert header[0] == ["Phlov indicators", "Pursat center"]
    assert header[1] == ["Period", "Q3 2026 (2026-07-01 – 2026-09-30)"]
    assert header[2] == ["Made on", "2026-10-02"]


def test_a_3_leaves_the_center_as_small_and_its_complement_hidden(pursat):
    _header, rows = csv_table(indicators_csv(tiny_report(center_ids=(pursat.id,)), MADE))
    cell = {(r["sex"], r["age_band"]): r for r in rows}

    assert (cell[("female", "18-24")]["value"], cell[("female", "18-24")]["hidden"]) == (
        SMALL,
        "small",
    )
    assert (cell[("male", "18-24")]["value"], cell[("male", "18-24")]["hidden"]) == (
        COMPLEMENT_MARK,
        "complement",
    )
    assert cell[("total", "all")]["value"] == "22"
    assert "3" not in {r["value"] for r in rows}
    assert check_adds_up(rows) > 0


def test_the_xlsx_holds_the_same_numbers_as_the_csv(pursat):
    report = realistic_report(center_ids=(pursat.id,))

    csv_header, csv_rows = csv_table(indicators_csv(report, MADE))
    xlsx_header, xlsx_rows = xlsx_table(indicators_xlsx(report, MADE))

    assert xlsx_header == csv_header
    assert len(xlsx_rows) == len(csv_rows)
    for mine, theirs in zip(xlsx_rows, csv_rows, strict=True):
        assert mine["indicator"] == theirs["indicator"] and mine["sex"] == theirs["sex"]
        assert number(mine["value"]) == number(theirs["value"]), (mine, theirs)
        assert (mine["value"] in (SMALL, COMPLEMENT_MARK)) == (
            theirs["value"] in (SMALL, COMPLEMENT_MARK)
        )
    assert check_adds_up(xlsx_rows) > 50
    counts = [r["value"] for r in xlsx_rows if r["unit"] == "people" and not r["hidden"]]
    assert all(isinstance(v, int) for v in counts)  # numbers a spreadsheet can sum


def test_file_names_say_the_center_and_the_period(pursat, make_center):
    kampot = make_center(name="Kampot Youth Center")
    q3 = Period(date(2026, 7, 1), date(2026, 9, 30))

    assert (
        file_name(realistic_report((pursat.id,), q3), "csv")
        == "phlov-indicators-pursat-2026-Q3.csv"
    )
    assert (
        file_name(realistic_report((kampot.id,), q3), "xlsx")
        == "phlov-indicators-kampot-youth-2026-Q3.xlsx"
    )
    assert (
        file_name(realistic_report(None, q3), "csv") == "phlov-indicators-all-centers-2026-Q3.csv"
    )
    two = realistic_report((pursat.id, kampot.id), Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert file_name(two, "csv") == "phlov-indicators-2-centers-2026-11.csv"
    days = realistic_report(None, Period(date(2026, 1, 5), date(2026, 2, 10)))
    assert file_name(days, "csv").endswith("-2026-01-05_2026-02-10.csv")


@pytest.mark.parametrize(
    ("preset", "today", "start", "end", "slug"),
    [
        (
            "this_month",
            date(2026, 12, 7),
            date(2026, 12, 1),
            date(2026, 12, 7),
            "2026-12-01_2026-12-07",
        ),
        ("last_quarter", date(2026, 12, 7), date(2026, 7, 1), date(2026, 9, 30), "2026-Q3"),
        ("last_quarter", date(2026, 2, 1), date(2025, 10, 1), date(2025, 12, 31), "2025-Q4"),
        ("this_year", date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31), "2026"),
    ],
)
def test_periods_of_the_presets(preset, today, start, end, slug):
    period = preset_period(preset, today)
    assert (period.start, period.end, period_slug(period)) == (start, end, slug)
