"""A counselor reads her center's indicators on a phone in Khmer, then prints the A4 report:
tables, charts drawn on the server, no script of a charting library, nothing the CSP blocks;
in print, the site's header goes and small cells read "<5". Look at the screenshots."""

from __future__ import annotations

import pytest

from portal.indicators import source
from tests.indicators.reports import realistic_report


@pytest.fixture
def quarter(monkeypatch):
    def report_for(period, center_ids, province_code):
        return realistic_report(center_ids=center_ids, period=period)

    monkeypatch.setattr(source, "report_for", report_for)


def test_indicators_on_a_phone_and_printed_in_khmer(
    phone, browser, live_server, quarter, make_center, make_user
):
    center = make_center("មជ្ឈមណ្ឌលពោធិ៍សាត់", province_code="15")
    counselor = make_user("counselor", center_id=center.id, email="dara@center.example")

    tab = phone("km")
    blocked = []
    tab.page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    tab.log_in(counselor.email)
    page = tab.open("/indicators?period=last_quarter&bands=y")
    tab.shot("indicators-page")
    for part in ("table-main", "chart-sex", "chart-bands"):  # closer looks at the long page
        page.locator(f"#{part}").screenshot(path=str(tab.folder / f"part-{part}-km.png"))
    assert "មជ្ឈមណ្ឌលពោធិ៍សាត់" in page.locator("#report-scope").inner_text()
    assert "យុវជនដែលបានចុះឈ្មោះ" in page.locator("#table-main").inner_text()
    assert (
        page.locator("#chart-sex svg").count() > 3 and page.locator("#chart-bands svg").count() > 3
    )
    bar = page.locator("#chart-sex svg rect").first.bounding_box()
    assert bar and bar["width"] > 0
    assert tab.fits_the_screen()

    page = tab.open("/indicators/print?period=last_quarter&split=province")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    tab.shot("printed-report")
    page.screenshot(path=str(tab.folder / "part-printed-first-page-km.png"))
    assert not page.locator("header.top").is_visible()
    assert "<5" in page.locator("#table-province").inner_text()
    assert "មជ្ឈមណ្ឌលពោធិ៍សាត់" in page.locator("#report-centers").inner_text()
    pdf = page.pdf(format="A4", print_background=True)
    assert (
        pdf[:4] == b"%PDF"
        and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 1
    )
    assert blocked == []
