import pytest

from portal.indicators import source
from tests.indicators.reports import realistic_report


@pytest.fixture
def asked(monkeypatch):
    """Stands in for the computation: each call's (period, centers, province) is kept, and a
    realistic report of those centers and that period comes back."""
    calls = []

    def report_for(period, center_ids, province_code):
        calls.append((period, center_ids, province_code))
        report = realistic_report(center_ids=center_ids, period=period)
        report.province_code = province_code
        return report

    monkeypatch.setattr(source, "report_for", report_for)
    return calls
