"""Which days a report covers: the presets people ask for (this month, last quarter, this year,
...) or any two dates, counted in Cambodian days; the words a heading says them in, and the short
name a file carries ("2026-Q3", "2026-11", "2026"). No HTTP.

A period that is still running ("this month") ends today: a report says what is known on the day
it is made. A past one ("last quarter") covers whole months."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from babel.dates import format_date
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.i18n import CAMBODIA, local_digits, localise_digits
from portal.indicators.types import Period

DATES = "dates"  # the preset that takes two dates from the reader
PRESETS = {
    "this_month": _l("This month"),
    "last_month": _l("Last month"),
    "this_quarter": _l("This quarter"),
    "last_quarter": _l("Last quarter"),
    "this_year": _l("This year"),
    "last_year": _l("Last year"),
    DATES: _l("Choose the dates"),
}
DEFAULT_PRESET = "this_month"


class PeriodError(ValueError):
    """Dates that make no period (missing, or the end before the start), or an unknown preset."""


def today_in_cambodia(now: datetime | None = None) -> date:
    """Today's date in Phnom Penh (a report made at 23:30 UTC is already tomorrow there)."""
    return (now or datetime.now(UTC)).astimezone(CAMBODIA).date()


def _month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date) -> date:
    return _month_start(day, -1) - timedelta(days=1)


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _quarter_name(start: date) -> str:
    quarter = (start.month - 1) // 3 + 1
    return _("Q%(quarter)s %(year)s", quarter=local_digits(quarter), year=local_digits(start.year))


def preset_period(preset: str, today: date) -> Period:
    """The period a preset names, seen from `today` (a Cambodian date)."""
    if preset == "this_month":
        return Period(today.replace(day=1), today, _("This month"))
    if preset == "last_month":
        start = _month_start(today, 1)
        name = localise_digits(format_date(start, "LLLL y", locale=get_locale()))
        return Period(start, _month_end(start), name)
    if preset == "this_quarter":
        return Period(_quarter_start(today), today, _("This quarter"))
    if preset == "last_quarter":
        end = _quarter_start(today) - timedelta(days=1)
        start = _quarter_start(end)
        return Period(start, end, _quarter_name(start))
    if preset == "this_year":
        return Period(date(today.year, 1, 1), today, _("This year"))
    if preset == "last_year":
        year = today.year - 1
        return Period(date(year, 1, 1), date(year, 12, 31), local_digits(year))
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
    if preset == DATES:
        return dates_period(start, end)
    return preset_period(preset, today)


def parse_day(text: str) -> date:
    """YYYY-MM-DD, as the CLI and the URL give it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(_("%(text)s is not a date (YYYY-MM-DD).", text=text)) from None


def period_words(period: Period, iso_dates: bool = False) -> str:
    """The period as a heading says it to its reader: "Q3 2026 (Jul 1, 2026 – Sep 30, 2026)",
    or in Khmer with Khmer digits ("ត្រីមាសទី ៣ ឆ្នាំ ២០២៦ (១ កក្កដា ២០២៦ – ...)"); with
    `iso_dates`, the dates as 2026-07-01 (a file's header, read by spreadsheets)."""
    locale = get_locale()
    days = " – ".join(
        day.isoformat() if iso_dates else localise_digits(format_date(day, "medium", locale=locale))
        for day in (period.start, period.end)
    )
    return f"{period.label} ({days})" if period.label else days


def period_slug(period: Period) -> str:
    """The period in a file name: a quarter, a month or a year when it is exactly one."""
    start, end = period.start, period.end
    if start.day == 1 and end == _month_end(start):
        return start.strftime("%Y-%m")
    if start == _quarter_start(start) and end == _month_end(_month_start(start, -2)):
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start.isoformat()}_{end.isoformat()}"
