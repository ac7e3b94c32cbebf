"""Young people's dimensions as SQL columns, and the sex x age band x breakdown cells they fill.

A query groups its rows by `person_columns(period)` (sex, age band at the period's end,
province, disability, education) so the database returns a few grouped rows, never one per
person; `spread` then adds each row to every cell it belongs to: its sex and "total", its age
band and "all" (people outside 15-30 only to "all"), and each asked breakdown's value."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import String, and_, case, func, literal, or_, type_coerce

from portal.indicators.types import AGE_BANDS, ALL, SEXES, Breakdown
from portal.youth.models import WG_A_LOT, WG_DOMAINS, EducationLevel, YouthProfile

TOTAL = "total"
OUTSIDE = "outside"  # younger than 15 or older than 30 at the period's end
BAND_AGES = (("15-17", 15), ("18-24", 18), ("25-30", 25))
NOT_SAID = "not_said"
OTHER = "other"
DISABILITY_VALUES = ("yes", "no", NOT_SAID)
EDUCATION_VALUES = (*(level.value for level in EducationLevel), NOT_SAID)
DIMENSIONS = 5  # sex, band, province, disability, education: the first columns of each row
Key = tuple[Breakdown, str, str, str]  # breakdown, its value, sex, age band


def born_by(day: date, years: int) -> date:
    """The last birth date of someone who is `years` old or more on `day` (29 February of a
    year that has none: the 28th, as `youth.models.age_on` counts it)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_band_column(end: date):
    """The age band on `end` of YouthProfile.date_of_birth, as an SQL expression."""
    born = YouthProfile.date_of_birth
    whens = [(born > born_by(end, 15), literal(OUTSIDE))]
    whens += [(born > born_by(end, age), literal(band)) for band, age in _upper_bounds()]
    whens.append((born > born_by(end, 31), literal("25-30")))
    return case(*whens, else_=literal(OUTSIDE))


def _upper_bounds() -> list[tuple[str, int]]:
    """(band, the age that ends it): 15-17 ends at 18, 18-24 at 25."""
    return [(band, BAND_AGES[i + 1][1]) for i, (band, _) in enumerate(BAND_AGES[:-1])]


def disability_column():
    """ "yes" (a lot of difficulty or cannot in one domain), "no", or "not_said" (no answer):
    the SQL twin of YouthProfile.has_disability."""
    answers = [getattr(YouthProfile, name) for name in WG_DOMAINS]
    return case(
        (and_(*(answer.is_(None) for answer in answers)), literal(NOT_SAID)),
        (or_(*(answer >= WG_A_LOT for answer in answers)), literal("yes")),
        else_=literal("no"),
    )


def person_columns(end: date) -> list:
    """The grouping columns of every people query, in the order `spread` reads them."""
    return [
        _text_or(YouthProfile.gender, OTHER),  # Gender.OTHER is "other or not said"
        age_band_column(end),
        YouthProfile.province_code,
        disability_column(),
        _text_or(YouthProfile.education_level, NOT_SAID),
    ]


def _text_or(column, missing: str):
    """An enum column read as its text, `missing` when empty (so a None never reads as an
    enum member, and a "not said" never fails the enum's check)."""
    return func.coalesce(type_coerce(column, String), literal(missing))


def _value(raw) -> str:
    return getattr(raw, "value", raw) or NOT_SAID


def _keys(row: Sequence, breakdowns: Iterable[Breakdown]) -> list[Key]:
    sex, band, province, disability, education = (_value(cell) for cell in row[:DIMENSIONS])
    by = {Breakdown.PROVINCE: province, Breakdown.DISABILITY: disability}
    by[Breakdown.EDUCATION] = education
    splits = [(Breakdown.NONE, ALL), *((b, by[b]) for b in breakdowns if b in by)]
    bands = (band, ALL) if band in AGE_BANDS else (ALL,)
    return [(b, v, s, a) for b, v in splits for s in (sex, TOTAL) for a in bands]


def spread(rows: Iterable[Sequence], breakdowns: Iterable[Breakdown]) -> dict[Key, list]:
    """Each cell's list of the rows' values (the columns after the dimensions)."""
    breakdowns = tuple(breakdowns)
    cells: dict[Key, list] = defaultdict(list)
    for row in rows:
        for key in _keys(row, breakdowns):
            cells[key].append(tuple(row[DIMENSIONS:]))
    return cells


def cell_keys(cells: dict[Key, list], breakdowns: Iterable[Breakdown]) -> list[Key]:
    """Every cell a people indicator reports: each sex x band, overall and for each breakdown
    value (disability and education: all of theirs; province: those with someone)."""
    values: dict[Breakdown, Iterable[str]] = {Breakdown.NONE: (ALL,)}
    values[Breakdown.DISABILITY] = DISABILITY_VALUES
    values[Breakdown.EDUCATION] = EDUCATION_VALUES
    provinces = sorted({key[1] for key in cells if key[0] == Breakdown.PROVINCE})
    values[Breakdown.PROVINCE] = provinces
    asked = (Breakdown.NONE, *breakdowns)
    return [(b, v, s, a) for b in asked for v in values[b] for s in SEXES for a in AGE_BANDS]
