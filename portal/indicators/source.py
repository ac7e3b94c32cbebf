"""The one door from the page, the exports and the CLI to the computation (compute.py), so that
they never reach into how the figures are counted."""

from __future__ import annotations

from portal.indicators.types import Period, Report


def report_for(
    period: Period, center_ids: tuple[int, ...] | None, province_code: str | None
) -> Report:
    """The indicators of these centers (None: all) and province (None: every one) for a period."""
    from portal.indicators.compute import compute

    return compute(period, center_ids=center_ids, province_code=province_code)
