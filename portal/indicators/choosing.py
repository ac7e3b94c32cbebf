"""Which days a report covers: the presets people ask for (this month, last quarter, this year)
or any two dates, and the short name a file carries ("2026-Q3", "2026-11", "2026"). No HTTP."""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.indicators.types import Period

PRESETS = {
    "this_month": _l("This month"),
    "last_quarter": _l("Last quarter"),
    "this_year": _l("This year"),
    "dates": _l("Choose the dates"),
}
DEFAULT_PRESET = "this_month"


class PeriodError(ValueError):
    """Dates that make no period (missing, or the end before the start)."""


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def preset_period(preset: str, today: date) -> Period:
    """The period a preset names, seen from `today` (this month and this year end today)."""
    if preset == "this_month":
        return Period(today.replace(day=1), today, _("This month"))
    if preset == "last_quarter":
        end = _quarter_start(today) - timedelta(days=1)
        start = _quarter_start(end)
        quarter = (start.month - 1) // 3 + 1
        return Period(start, end, _("Q%(quarter)s %(year)s", quarter=quarter, year=start.year))
    if preset == "this_year":
        return Period(date(today.year, 1, 1), today, _("This year"))
    raise PeriodError(_("Choose a period."))


def dates_period(start: date | None, end: date | None) -> Period:
    """Any two dates, both included."""
    if start is None or end is None:
        raise PeriodError(_("Give both dates."))
    if end < start:
        raise PeriodError(_("The end must be on or after the start."))
    return Period(start, end)  # no label: the dates say it


def choose_period(preset: str, start: date | None, end: date | None, today: date) -> Period:
    """A preset, or the two dates when the preset is "dates"."""
    if preset == "dates":
        return dates_period(start, end)
    return preset_period(preset, today)


def parse_day(text: str) -> date:
    """YYYY-MM-DD, as the CLI and the URL give it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(_("%(text)s is not a date (YYYY-MM-DD).", text=text)) from None


def period_slug(period: Period) -> str:
    """The period in a file name: a quarter, a month or a year when it is exactly one."""
    start, end = period.start, period.end
    if start.day == 1 and end == _month_end(start):
        return start.strftime("%Y-%m")
    if (
        start.month % 3 == 1
        and start.day == 1
        and end == _month_end(start.replace(month=start.month + 2))
    ):
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start.isoformat()}_{end.isoformat()}"
