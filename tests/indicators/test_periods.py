"""The period presets a counselor picks, counted in Cambodian days."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask_babel import force_locale

from portal.indicators.periods import PRESET_LABELS, Preset, period_for, today_in_cambodia


@pytest.mark.parametrize(
    ("preset", "today", "start", "end"),
    [
        (Preset.THIS_MONTH, date(2028, 2, 10), date(2028, 2, 1), date(2028, 2, 29)),  # leap year
        (Preset.LAST_MONTH, date(2026, 1, 5), date(2025, 12, 1), date(2025, 12, 31)),
        (Preset.THIS_QUARTER, date(2026, 12, 7), date(2026, 10, 1), date(2026, 12, 31)),
        (Preset.LAST_QUARTER, date(2026, 2, 1), date(2025, 10, 1), date(2025, 12, 31)),
        (Preset.LAST_QUARTER, date(2026, 7, 15), date(2026, 4, 1), date(2026, 6, 30)),
        (Preset.THIS_YEAR, date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31)),
        (Preset.LAST_YEAR, date(2026, 1, 1), date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_presets_cover_whole_months(ctx, preset, today, start, end):
    period = period_for(preset, today=today)
    assert (period.start, period.end) == (start, end)


def test_today_is_the_day_in_phnom_penh():
    # 17:00 UTC on 30 June is midnight on 1 July in Cambodia (UTC+7, no summer time).
    assert today_in_cambodia(datetime(2026, 6, 30, 16, 59, tzinfo=UTC)) == date(2026, 6, 30)
    assert today_in_cambodia(datetime(2026, 6, 30, 17, 0, tzinfo=UTC)) == date(2026, 7, 1)


def test_custom_dates_and_labels_in_both_languages(ctx):
    period = period_for(Preset.CUSTOM, start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert (period.start, period.end) == (date(2026, 3, 1), date(2026, 3, 31))
    assert "2026-03-01" in period.label and "2026-03-31" in period.label
    with pytest.raises(ValueError):
        period_for(Preset.CUSTOM, start=date(2026, 3, 31), end=date(2026, 3, 1))
    with force_locale("en"):
        assert period_for(Preset.THIS_YEAR, today=date(2026, 5, 1)).label == "This year"
    with force_locale("km"):
        assert {str(label) for label in PRESET_LABELS.values()}.isdisjoint(
            {"This month", "Last month", "This quarter", "Last quarter", "This year", "Last year"}
        )
