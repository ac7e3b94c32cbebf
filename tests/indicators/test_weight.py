"""The indicators page and its printed report stay within the 60 KB budget of issue 6, with
every province, both breakdowns and the age bands shown, in Khmer and English."""

from __future__ import annotations

import pytest

from portal.auth.models import Role
from portal.indicators import source
from portal.places import provinces
from tests.indicators.reports import realistic_report
from tests.web.test_page_weight import BUDGET, transfer_size


@pytest.fixture
def every_province(monkeypatch):
    codes = tuple(p.code for p in provinces())

    def report_for(period, center_ids, province_code):
        return realistic_report(center_ids=center_ids, period=period, provinces=codes)

    monkeypatch.setattr(source, "report_for", report_for)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_indicators_fit_the_budget(login_as, every_province, language):
    client, _user = login_as(Role.ADMIN)
    client.post(f"/lang/{language}", data={"next": "/"})

    for path in (
        "/indicators?bands=y&split=province",
        "/indicators/print?bands=y&split=province",
    ):
        html, assets = transfer_size(client, path)
        print(f"{language} {path}: HTML {html} B + CSS/JS {assets} B = {html + assets} B")
        assert html > 4000  # the tables are there
        assert html + assets <= BUDGET
