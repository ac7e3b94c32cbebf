"""What an indicator figure is, shared by the computation, the page, the charts and the exports.

A report is long-format: one `Figure` per indicator x sex x age band x (optional) breakdown, so
that a spreadsheet pivot rebuilds any table. Sexes add up to "total" and age bands to "all" for
every count (not for rates, medians or days)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

SEXES = ("female", "male", "other", "total")  # "other": other or not said (Gender.OTHER)
AGE_BANDS = ("15-17", "18-24", "25-30", "all")  # age at the period's end; outside 15-30: "all" only
ALL = "all"
SMALL_CELL = 5  # fewer people than this are shown as "<5" in anything that leaves the center


class Unit(StrEnum):
    PEOPLE = "people"  # a count of young people (suppressed when small)
    COUNT = "count"  # a count of things (openings, postings): never suppressed
    RATE = "rate"  # a share 0..1 of `denominator` people
    DAYS = "days"  # a median number of days


class Breakdown(StrEnum):
    NONE = "all"
    PROVINCE = "province"  # value: a province code
    DISABILITY = "disability"  # value: "yes", "no", "not_said"
    EDUCATION = "education"  # value: an EducationLevel value, or "not_said"
    OCCUPATION = "occupation"  # openings only; value: an ISCO-08 minor group or a concept id


@dataclass(frozen=True)
class Period:
    start: date  # first day, included
    end: date  # last day, included
    label: str = ""  # "This month", "Q3 2026", or the dates


@dataclass(frozen=True)
class Figure:
    indicator: str  # an id of INDICATORS in portal/indicators/compute.py, e.g. "registered"
    sex: str  # one of SEXES
    age_band: str  # one of AGE_BANDS
    value: float | int | None  # None: nothing to compute (a rate of nobody, a median of none)
    unit: Unit
    breakdown: Breakdown = Breakdown.NONE
    breakdown_value: str = ALL
    denominator: int | None = None  # for a rate: how many people it is a share of


@dataclass
class Report:
    period: Period
    center_ids: tuple[int, ...] | None  # None: all centers
    province_code: str | None = None  # only young people / openings of this province
    figures: list[Figure] = field(default_factory=list)
