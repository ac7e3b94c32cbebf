"""`flask report indicators`: a scheduled report in each format, small cells hidden."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.indicators.test_exports import COLUMNS


@pytest.fixture
def pursat(make_center):
    return make_center(name="Pursat center", province_code="15")


def run(runner, *args):
    return runner.invoke(
        args=["report", "indicators", "--from", "2026-07-01", "--to", "2026-09-30", *args]
    )


def test_the_cli_writes_each_format(runner, pursat, asked, tmp_path):
    for kind in ("csv", "xlsx", "html"):
        out = tmp_path / f"q3.{kind}"
        result = run(runner, "--center", str(pursat.id), "--format", kind, "--output", str(out))
        assert result.exit_code == 0, result.output
        assert "phlov-indicators-pursat-2026-Q3" in result.output
    period, centers, _province = asked[-1]
    assert (period.start.isoformat(), period.end.isoformat(), centers) == (
        "2026-07-01",
        "2026-09-30",
        (pursat.id,),
    )
    lines = list(csv.reader(io.StringIO((tmp_path / "q3.csv").read_text("utf-8-sig"))))
    assert lines[0] == ["Phlov indicators", "Pursat center"] and list(COLUMNS) in lines
    sheet = load_workbook(tmp_path / "q3.xlsx").active
    assert sheet["B1"].value == "Pursat center"
    html = (tmp_path / "q3.html").read_text()
    assert "Pursat center" in html and "&lt;5" in html and "@page" in html


def test_the_cli_in_khmer_and_for_every_center(runner, pursat, asked, tmp_path):
    out = tmp_path / "all.html"
    result = run(runner, "--format", "html", "--output", str(out), "--lang", "km")
    assert result.exit_code == 0, result.output
    assert asked[-1][1] is None
    assert 'lang="km"' in out.read_text()


@pytest.mark.parametrize(
    "args",
    [
        ["--center", "999999", "--format", "csv"],
        ["--format", "pdf"],
        ["--province", "99", "--format", "csv"],
    ],
)
def test_the_cli_refuses_what_it_cannot_do(runner, pursat, asked, tmp_path, args):
    result = run(runner, *args, "--output", str(tmp_path / "x"))
    assert result.exit_code != 0
    assert not (tmp_path / "x").exists()


def test_the_cli_refuses_an_end_before_the_start(runner, asked, tmp_path):
    result = runner.invoke(
        args=[
            "report",
            "indicators",
            "--from",
            "2026-09-30",
            "--to",
            "2026-07-01",
            "--format",
            "csv",
            "--output",
            str(tmp_path / "x"),
        ]
    )
    assert result.exit_code != 0 and "on or after" in result.output
