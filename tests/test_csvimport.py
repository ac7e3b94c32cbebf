"""The shared import machinery: one row's failure never leaves half a row saved."""

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from portal.centers.models import Center
from portal.csvimport import (
    Row,
    RowError,
    header_name,
    import_csv,
    parse_date,
    parse_list,
    parse_whole_number,
)
from portal.extensions import db


@dataclass
class CenterRow:
    name: str
    then: str


class CenterImporter:
    """Saves a center, then does what the row's `then` column says."""

    required_columns = ("name",)
    optional_columns = ("then",)

    def parse(self, row: Row) -> CenterRow:
        name = row.value("name", required=True)
        row.check()
        return CenterRow(name, row.value("then") or "")

    def key(self, item):
        return item.name

    def describe(self, item):
        return item.name

    def save(self, item, summary):
        db.session.add(Center(name=item.name, province_code="12"))
        db.session.flush()
        summary.note(f"Center {item.name} was added.")
        if item.then == "fail":
            raise RowError("told to fail")
        if item.then == "clash":  # a second center with a taken name: the database refuses
            db.session.add(Center(name="Taken", province_code="12"))
        return "created"


def centers() -> list[str]:
    return list(db.session.scalars(select(Center.name).order_by(Center.name)))


def test_a_row_that_fails_while_saving_leaves_nothing_behind(ctx, tmp_path, make_center):
    make_center("Taken")
    path = tmp_path / "centers.csv"
    path.write_text("name,then\nA,\nB,fail\nC,clash\nD,\n", encoding="utf-8")

    summary = import_csv(path, CenterImporter())
    db.session.commit()

    assert centers() == ["A", "D", "Taken"]
    assert summary.rejected[0] == (3, "told to fail")
    assert summary.rejected[1][0] == 4
    assert "The database refused this row" in summary.rejected[1][1]
    assert summary.notes == ["Center A was added.", "Center D was added."]
    assert summary.report()[-1] == "created 2 · updated 0 · rejected 2"


def test_line_numbers_are_spreadsheet_rows_even_with_multi_line_cells(ctx, tmp_path):
    path = tmp_path / "centers.csv"
    path.write_text('name,then\n"A\nsecond line",\n\n,\nB,fail\n', encoding="utf-8")

    summary = import_csv(path, CenterImporter(), dry_run=True)

    assert summary.rejected == [(5, "told to fail")]
    assert centers() == []


@pytest.mark.parametrize(
    ("typed", "name"),
    [("Salary Min", "salary_min"), ("\ufeffREF", "ref"), (" closing-date ", "closing_date")],
)
def test_headers_are_read_whatever_their_case_and_spacing(typed, name):
    assert header_name(typed) == name


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1,200,000", 1_200_000), ("1 200 000", 1_200_000), ("250.00", 250), ("១២០", 120)],
)
def test_whole_numbers_may_have_thousand_separators(typed, number):
    assert parse_whole_number(typed) == number


@pytest.mark.parametrize("typed", ["12.5", "ten", "-3", "1.200.000"])
def test_what_is_not_a_whole_number_is_refused(typed):
    with pytest.raises(RowError):
        parse_whole_number(typed)


@pytest.mark.parametrize(
    "typed", ["2030-03-05", "05/03/2030", "5/3/2030", "05-03-2030", "05/03/2030 00:00:00"]
)
def test_dates_are_read_day_first(typed):
    assert parse_date(typed).isoformat() == "2030-03-05"


def test_lists_are_trimmed_without_repeats():
    assert parse_list(" sewing; cooking ;;Sewing ; ") == ["sewing", "cooking"]
