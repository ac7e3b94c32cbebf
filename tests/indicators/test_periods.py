"""The periods a counselor picks, counted in Cambodian days and named in the reader's words."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask_babel import force_locale

from portal.indicators.periods import (
    PRESETS,
    PeriodError,
    choose_period,
    period_words,
    preset_period,
    today_in_cambodia,
)
from portal.indicators.types import Period


@pytest.mark.parametrize(
    ("preset", "today", "start", "end"),
    [
        # A running period ends today: the report says what is known on the day it is made.
        ("this_month", date(2028, 2, 10), date(2028, 2, 1), date(2028, 2, 10)),
        ("this_quarter", date(2026, 12, 7), date(2026, 10, 1), date(2026, 12, 7)),
        ("this_year", date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31)),
        # A past one covers whole months.
        ("last_month", date(2028, 3, 5), date(2028, 2, 1), date(2028, 2, 29)),  # leap year
        ("last_month", date(2026, 1, 5), date(2025, 12, 1), date(2025, 12, 31)),
        ("last_quarter", date(2026, 2, 1), date(2025, 10, 1), date(2025, 12, 31)),
        ("last_quarter", date(2026, 7, 15), date(2026, 4, 1), date(2026, 6, 30)),
        ("last_year", date(2026, 1, 1), date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_presets(ctx, preset, today, start, end):
    period = preset_period(preset, today)
    assert (period.start, period.end) == (start, end)


def test_today_is_the_day_in_phnom_penh():
    # 17:00 UTC on 30 June is midnight on 1 July in Cambodia (UTC+7, no summer time).
    assert today_in_cambodia(datetime(2026, 6, 30, 16, 59, tzinfo=UTC)) == date(2026, 6, 30)
    assert today_in_cambodia(datetime(2026, 6, 30, 17, 0, tzinfo=UTC)) == date(2026, 7, 1)


def test_two_dates_or_a_clear_refusal(ctx):
    period = choose_period("dates", date(2026, 3, 1), date(2026, 3, 31), date(2026, 12, 7))
    assert (period.start, period.end) == (date(2026, 3, 1), date(2026, 3, 31))
    with force_locale("en"):
        with pytest.raises(PeriodError, match="on or after the start"):
            choose_period("dates", date(2026, 3, 31), date(2026, 3, 1), date(2026, 12, 7))
        with pytest.raises(PeriodError, match="both dates"):
            choose_period("dates", None, date(2026, 3, 1), date(2026, 12, 7))
        with pytest.raises(PeriodError):
            preset_period("next_decade", date(2026, 12, 7))


def test_names_in_english(app):
    with app.test_request_context("/"), force_locale("en"):
        assert preset_period("last_quarter", date(2026, 12, 7)).label == "Q3 2026"
        assert preset_period("last_month", date(2026, 12, 7)).label == "November 2026"
        assert preset_period("last_year", date(2026, 12, 7)).label == "2025"
        words = period_words(preset_period("last_quarter", date(2026, 12, 7)))
        assert words == "Q3 2026 (Jul 1, 2026 – Sep 30, 2026)"
        assert period_words(Period(date(2026, 3, 1), date(2026, 3, 9))) == (
            "Mar 1, 2026 – Mar 9, 2026"
        )


def test_names_in_khmer_with_khmer_digits(app):
    with app.test_request_context("/"), force_locale("km"):
        quarter = preset_period("last_quarter", date(2026, 12, 7))
        assert quarter.label == "ត្រីមាសទី ៣ ឆ្នាំ ២០២៦"
        assert preset_period("last_month", date(2026, 12, 7)).label == "វិច្ឆិកា ២០២៦"
        words = period_words(quarter)
        assert "១ កក្កដា ២០២៦" in words and "៣០ កញ្ញា ២០២៦" in words
        assert not any(ch.isascii() and ch.isdigit() for ch in words)
        labels = {str(label) for label in PRESETS.values()}
        assert labels.isdisjoint({"This month", "Last month", "Last quarter", "This year"})
