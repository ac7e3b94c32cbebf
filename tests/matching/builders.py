"""Plain-data builders for matching tests: a young person, an opening, a map of neighbours."""

from __future__ import annotations

from datetime import date

from portal.matching import Candidate, Offer

DAY = date(2026, 11, 25)

# A few real borders (enough for the stories; the full table is portal/places' business).
NEIGHBOURS = {
    "12": {"08"},  # Phnom Penh: Kandal
    "08": {"12", "05", "21", "14", "03", "04"},  # Kandal
    "02": {"01", "15", "17", "24"},  # Battambang
    "17": {"01", "02", "06", "13", "22"},  # Siem Reap
    "15": {"02", "04", "05", "09"},  # Pursat
    "07": {"05", "09", "18", "21", "23"},  # Kampot
}


def neighbours(code: str) -> set[str]:
    return NEIGHBOURS.get(code, set())


def born_years_ago(years: int, day: date = DAY, days_later: int = 0) -> date:
    """The date of birth of someone who turns `years` on `day` (plus `days_later` days)."""
    birthday = day.replace(year=day.year - years)
    return birthday.fromordinal(birthday.toordinal() + days_later)


def candidate(**fields) -> Candidate:
    defaults = dict(
        id=1,
        skills=("sewing",),
        province_code="12",
        work_provinces=(),
        wanted_kinds=(),
        education_level="lower_secondary",
        languages=("km",),
        date_of_birth=born_years_ago(20),
        consent=True,
    )
    defaults.update(fields)
    return Candidate(**defaults)


def offer(**fields) -> Offer:
    defaults = dict(
        id=100,
        kind="job",
        title="Sewing machine operator",
        skills=("sewing",),
        province_code="12",
        min_age=15,
        status="published",
        closing_date=None,
    )
    defaults.update(fields)
    return Offer(**defaults)
