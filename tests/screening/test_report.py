"""The report prints the screening's figures on every set side by side, reads real ads from a
folder outside the repository, and skips them in one line when the folder is absent."""

from __future__ import annotations

import csv

import pytest

from tests.screening import report
from tests.screening.realads import monthly_usd, province_code

COLUMNS = [
    "source",
    "language",
    "title",
    "organization",
    "province_or_location",
    "description",
    "skills",
    "salary_text",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$400 ~ $600", (400, 600)),
        ("USD 900", (900, 900)),
        ("US$2,000 to US$4,000 (RM9,000-18,000)", (2000, 4000)),
        ("Negotiable", None),
        ("$35 per day", None),
        ("", None),
    ],
)
def test_a_plain_monthly_dollar_salary_is_read_and_nothing_else(text, expected):
    assert monthly_usd(text) == expected


@pytest.mark.parametrize(
    ("location", "code"),
    [
        ("Siemreap Province", "17"),
        ("Sen Sok, Phnom Penh, Cambodia", "12"),
        ("Poipet", "01"),
        ("Thailand (Myanmar)", None),
        ("", None),
    ],
)
def test_the_province_is_read_from_a_location_when_it_names_one(location, code):
    assert province_code(location) == code


def _write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({column: row.get(column, "") for column in COLUMNS} for row in rows)


def test_the_report_counts_real_ads_read_from_realads_dir(tmp_path, monkeypatch, capsys):
    benign = {"title": "Cashier", "description": "Supermarket cashier, 8 hours a day."}
    lure = {
        "title": "Hotel jobs abroad",
        "description": "Free visa and flight to Dubai. Pay the $400 processing fee to our "
        "agent before you leave; the employer keeps your passport.",
    }
    _write(tmp_path / "benign.csv", [benign, benign])
    _write(tmp_path / "lures_from_reports.csv", [lure])
    monkeypatch.setenv("REALADS_DIR", str(tmp_path))
    report.main(["--worst", "5"])
    out = capsys.readouterr().out
    assert _row(out, "(c)") == ["2", "0.000", "(0/2)", "0.000", "(0/2)", "0", "-"]
    assert _row(out, "(d)") == ["0", "-", "-", "1", "1.000", "(1/1)"]
    assert "Real benign ads flagged, the 5 highest scores (0):" in out


def _row(out: str, start: str) -> list[str]:
    """The figures of the table's line for one set (after its name)."""
    line = next(line for line in out.splitlines() if line.startswith(start))
    return line[report.NAME_WIDTH :].split()


def test_the_report_skips_real_ads_in_one_line_each_when_the_folder_is_absent(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("REALADS_DIR", str(tmp_path / "absent"))
    report.main([])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines if "skipped" in line] == ["(c)", "(d)"]
    assert any(line.startswith("(b) frozen (held out)") for line in lines)


def test_the_frozen_sets_misses_are_listed_only_when_asked(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("REALADS_DIR", str(tmp_path))
    report.main([])
    assert "Frozen set: benign postings flagged" not in capsys.readouterr().out
    report.main(["--frozen-misses"])
    assert "Frozen set: benign postings flagged" in capsys.readouterr().out
