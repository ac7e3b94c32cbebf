"""The periods a report is made for: presets counted in Cambodian time, or any two dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from flask_babel import lazy_gettext as _l

from portal.i18n import CAMBODIA
from portal.indicators.types import Period


class Preset(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CUSTOM = "custom"


PRESET_LABELS = {
    Preset.THIS_MONTH: _l("This month"),
    Preset.LAST_MONTH: _l("Last month"),
    Preset.THIS_QUARTER: _l("This quarter"),
    Preset.LAST_QUARTER: _l("Last quarter"),
    Preset.THIS_YEAR: _l("This year"),
    Preset.LAST_YEAR: _l("Last year"),
    Preset.CUSTOM: _l("Choose the dates"),
}


def today_in_cambodia(now: datetime | None = None) -> date:
    """Today's date in Phnom Penh (a report made at 23:30 UTC is already tomorrow there)."""
    return (now or datetime.now(UTC)).astimezone(CAMBODIA).date()


def _month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def _quarter_start(day: date, quarters_back: int = 0) -> date:
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return _month_start(first, 3 * quarters_back)


def _span(preset: Preset, today: date) -> tuple[date, date]:
    if preset in (Preset.THIS_MONTH, Preset.LAST_MONTH):
        back = 1 if preset == Preset.LAST_MONTH else 0
        start, months = _month_start(today, back), 1
    elif preset in (Preset.THIS_QUARTER, Preset.LAST_QUARTER):
        back = 1 if preset == Preset.LAST_QUARTER else 0
        start, months = _quarter_start(today, back), 3
    else:
        year = today.year - (1 if preset == Preset.LAST_YEAR else 0)
        start, months = date(year, 1, 1), 12
    end = _month_start(start, -months) - timedelta(days=1)
    return start, end


def period_for(
    preset: Preset | str,
    *,
    today: date | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Period:
    """The whole period of a preset around `today` (Cambodian date), or `start`..`end` for
    CUSTOM. The label is in the current language ("This quarter", or the two dates)."""
    preset = Preset(preset)
    if preset == Preset.CUSTOM:
        if start is None or end is None or end < start:
            raise ValueError("a custom period needs a start on or before its end")
        return Period(start=start, end=end, label=f"{start.isoformat()} – {end.isoformat()}")
    first, last = _span(preset, today or today_in_cambodia())
    return Period(start=first, end=last, label=str(PRESET_LABELS[preset]))
