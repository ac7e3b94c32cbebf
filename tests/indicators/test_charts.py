"""Charts drawn on the server: bars that print in black and white, each with its number beside
it, in proportion to the indicator's total; a hidden cell draws no bar in the printed report."""

from __future__ import annotations

import re

from portal.auth.models import Role
from portal.indicators.charts import WIDTH, by_age_band, by_sex
from portal.indicators.suppression import suppressed
from portal.indicators.tables import report_cells
from tests.indicators.reports import tiny_report

GREYS = {"#000", "#fff", "#c8c8c8", "url(#ph-hatch)"}


def test_bars_are_shares_of_the_total():
    report = tiny_report()  # female 10, male 12, other 0; total 22

    [line] = by_sex(report, report_cells(report, hide_small=False))

    widths = {bar.part: bar.width for bar in line.bars}
    assert widths == {
        "female": round(WIDTH * 10 / 22, 1),
        "male": round(WIDTH * 12 / 22, 1),
        "other": 0,
    }
    [stacked] = by_age_band(report, report_cells(report, hide_small=False))
    assert [(bar.part, bar.x) for bar in stacked.bars] == [
        ("15-17", 0),
        ("18-24", 0),
        ("25-30", round(WIDTH * 15 / 22, 1)),
    ]


def test_a_hidden_cell_draws_no_bar():
    report = tiny_report()

    [line] = by_sex(report, suppressed(report))

    assert all(bar.width == 0 for bar in line.bars if bar.cell.hidden)
    assert any(bar.cell.hidden for bar in line.bars)


def test_the_charts_print_in_black_and_white_with_their_numbers(make_center, asked, login_as):
    center = make_center(name="Pursat center")
    client, _user = login_as(Role.COUNSELOR, center_id=center.id)

    page = client.get("/indicators").get_data(as_text=True)

    charts = page.split('id="chart-sex"')[1]
    fills = set(re.findall(r'fill="([^"]+)"', charts))
    assert fills and fills <= GREYS
    svgs = re.findall(r"<svg viewBox.*?</svg>", charts, re.S)
    assert len(svgs) >= 8
    for svg in svgs:
        if '<rect x="72" y="0"' in svg:  # a chart by sex: three bars, three numbers
            assert len(re.findall(r'font-weight="700">[^<]+</text>', svg)) == 3
