"""The indicators donors ask for, computed for a period and a set of centers.

`INDICATORS` is the ordered list a report shows; `compute(period, ...)` returns a `Report` of
long-format figures: every people indicator for each sex x age band, overall and by province,
disability and education; openings and postings (things, not people) as totals, openings also
by province and occupation group. A handful of grouped SQL queries per report
(`portal/indicators/sources.py`), whatever the number of young people."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median

from flask_babel import lazy_gettext as _l

from portal.indicators import sources
from portal.indicators.cells import TOTAL, Key, cell_keys, spread
from portal.indicators.occupations import occupation_group, opening_isco_column
from portal.indicators.periods import today_in_cambodia
from portal.indicators.types import ALL, Breakdown, Figure, Period, Report, Unit

DEFAULT_BREAKDOWNS = (Breakdown.PROVINCE, Breakdown.DISABILITY, Breakdown.EDUCATION)


@dataclass(frozen=True)
class Indicator:
    id: str
    label: object  # a lazy string: str() it in the reader's language
    unit: Unit
    explanation: object  # how it is counted, in one or two sentences (lazy string)
    source: str  # the query it reads (SOURCES below)
    columns: tuple[int, ...]  # which values of the source's rows: (count,), (part, whole)

    @property
    def by_person(self) -> bool:
        """Split by sex, age band and the people breakdowns (openings and postings are not)."""
        return self.unit != Unit.COUNT


def _i(id, label, unit, explanation, source, *columns) -> Indicator:
    return Indicator(id, label, unit, explanation, source, columns)


P, R = Unit.PEOPLE, Unit.RATE
INDICATORS: tuple[Indicator, ...] = (
    _i(
        "registered",
        _l("Young people registered"),
        P,
        _l("Profiles created in the period, by the young person or at a center."),
        "registered",
        0,
    ),
    _i(
        "applications",
        _l("Applications"),
        P,
        _l(
            "Applications to jobs and internships started in the period, by the young"
            " person or by a counselor's referral."
        ),
        "applications",
        0,
    ),
    _i(
        "referrals",
        _l("Referrals by a counselor"),
        P,
        _l("Of those applications, the ones a counselor started (a referral)."),
        "applications",
        1,
    ),
    _i(
        "referral_share",
        _l("Share of applications that were referrals"),
        R,
        _l("Referrals divided by applications started in the period."),
        "applications",
        1,
        0,
    ),
    _i(
        "interviews",
        _l("Interviews"),
        P,
        _l(
            'Applications to jobs and internships moved to "invited to an interview" in the period.'
        ),
        "interviews",
        0,
    ),
    _i(
        "interview_rate",
        _l("Applications that reached an interview"),
        R,
        _l("Of the applications started in the period, the share invited to an interview by now."),
        "applications",
        2,
        0,
    ),
    _i(
        "hire_after_interview_rate",
        _l("Interviews that ended in a hire"),
        R,
        _l(
            "Of the applications started in the period that reached an interview, the"
            " share hired by now."
        ),
        "applications",
        3,
        2,
    ),
    _i(
        "hires",
        _l("Hires"),
        P,
        _l(
            "Applications to jobs and internships hired, with a hire day in the "
            "period (and still hired)."
        ),
        "hires",
        0,
    ),
    _i(
        "placement_rate",
        _l("Placement rate"),
        R,
        _l(
            "Of the young people who applied or were referred to a job or internship "
            "in the period, the share hired on one of those applications by now."
        ),
        "placement",
        1,
        0,
    ),
    _i(
        "followups_due_1",
        _l("1-month follow-ups due"),
        P,
        _l(
            "Follow-ups of hires due 1 month after the hire, with a due day in the "
            "period (and not after today)."
        ),
        "follow_ups",
        0,
    ),
    _i(
        "employed_1",
        _l("Still employed at 1 month"),
        P,
        _l("Of the 1-month follow-ups due, those recorded as still employed."),
        "follow_ups",
        1,
    ),
    _i(
        "employed_1_rate",
        _l("Still employed at 1 month, of those due"),
        R,
        _l(
            "Still employed at 1 month divided by the 1-month follow-ups due "
            "(unanswered ones count as not known to be employed)."
        ),
        "follow_ups",
        1,
        0,
    ),
    _i(
        "followups_due_3",
        _l("3-month follow-ups due"),
        P,
        _l(
            "Follow-ups of hires due 3 months after the hire, with a due day in the "
            "period (and not after today)."
        ),
        "follow_ups",
        2,
    ),
    _i(
        "employed_3",
        _l("Still employed at 3 months"),
        P,
        _l("Of the 3-month follow-ups due, those recorded as still employed."),
        "follow_ups",
        3,
    ),
    _i(
        "employed_3_rate",
        _l("Still employed at 3 months, of those due"),
        R,
        _l(
            "Still employed at 3 months divided by the 3-month follow-ups due "
            "(unanswered ones count as not known to be employed)."
        ),
        "follow_ups",
        3,
        2,
    ),
    _i(
        "days_to_first_hire",
        _l("Median days from registration to first hire"),
        Unit.DAYS,
        _l(
            "For the young people whose first hire on a job or internship is in the "
            "period: the median number of days between the day they registered and "
            "that hire."
        ),
        "first_hires",
        0,
    ),
    _i(
        "course_places",
        _l("Course places taken"),
        P,
        _l("Applications to courses marked as enrolled, with the day of enrolment in the period."),
        "hires",
        1,
    ),
    _i(
        "openings_published",
        _l("Openings published"),
        Unit.COUNT,
        _l(
            "Jobs, internships and courses published in the period, of organizations "
            "in the centers' provinces."
        ),
        "openings",
        0,
    ),
    _i(
        "openings_job",
        _l("Jobs published"),
        Unit.COUNT,
        _l("Openings published in the period that are jobs."),
        "openings",
        1,
    ),
    _i(
        "openings_internship",
        _l("Internships published"),
        Unit.COUNT,
        _l("Openings published in the period that are internships."),
        "openings",
        2,
    ),
    _i(
        "openings_course",
        _l("Courses published"),
        Unit.COUNT,
        _l("Openings published in the period that are courses."),
        "openings",
        3,
    ),
    _i(
        "postings_screened",
        _l("Postings screened"),
        Unit.COUNT,
        _l("Postings checked for signs of trafficking or fraud in the period."),
        "postings",
        0,
    ),
    _i(
        "postings_held",
        _l("Postings held as high risk"),
        Unit.COUNT,
        _l(
            "Of the postings screened in the period, those held for a counselor "
            "because of strong warning signs."
        ),
        "postings",
        1,
    ),
    _i(
        "postings_reported",
        _l("Postings reported"),
        Unit.COUNT,
        _l("Postings a visitor or young person reported as bad in the period."),
        "postings",
        2,
    ),
)
BY_ID = {indicator.id: indicator for indicator in INDICATORS}
Cells = dict[Key, list]


def _opening_cells(scope: sources.Scope, breakdowns: Iterable[Breakdown]) -> Cells:
    rows = sources.openings_published(scope, opening_isco_column())
    cells: Cells = {(Breakdown.NONE, ALL, TOTAL, ALL): []}
    for kind, province, title, isco in rows:
        kind = getattr(kind, "value", kind)
        values = (1, int(kind == "job"), int(kind == "internship"), int(kind == "course"))
        splits = [(Breakdown.NONE, ALL)]
        if Breakdown.PROVINCE in breakdowns:
            splits.append((Breakdown.PROVINCE, province))
        splits.append((Breakdown.OCCUPATION, occupation_group(isco, title)))
        for breakdown, value in splits:
            cells.setdefault((breakdown, value, TOTAL, ALL), []).append(values)
    return cells


def _posting_cells(scope: sources.Scope, breakdowns) -> Cells:
    return {(Breakdown.NONE, ALL, TOTAL, ALL): [sources.postings(scope)]}


def _people_source(query: Callable) -> Callable[[sources.Scope, tuple], Cells]:
    def cells(scope: sources.Scope, breakdowns: tuple) -> Cells:
        return spread(query(scope), breakdowns)

    return cells


SOURCES: dict[str, Callable[[sources.Scope, tuple], Cells]] = {
    name: _people_source(getattr(sources, name))
    for name in ("registered", "applications", "interviews", "hires", "placement")
    + ("follow_ups", "first_hires")
}
SOURCES["openings"] = _opening_cells
SOURCES["postings"] = _posting_cells


def _value(indicator: Indicator, rows: list) -> tuple[float | int | None, int | None]:
    """The cell's value and, for a rate, its denominator."""
    if indicator.unit == Unit.RATE:
        part, whole = (sum(row[c] or 0 for row in rows) for c in indicator.columns)
        return (part / whole if whole else None), whole
    if indicator.unit == Unit.DAYS:
        days = [row[indicator.columns[0]] for row in rows]
        return (median(days) if days else None), None
    return sum(row[indicator.columns[0]] or 0 for row in rows), None


def _figures(indicator: Indicator, cells: Cells, breakdowns: tuple) -> list[Figure]:
    keys = cell_keys(cells, breakdowns) if indicator.by_person else sorted(cells, key=str)
    figures = []
    for breakdown, breakdown_value, sex, band in keys:
        value, denominator = _value(
            indicator, cells.get((breakdown, breakdown_value, sex, band), [])
        )
        figures.append(
            Figure(
                indicator.id,
                sex,
                band,
                value,
                indicator.unit,
                breakdown,
                breakdown_value,
                denominator,
            )
        )
    return figures


def compute(
    period: Period,
    center_ids: tuple[int, ...] | None = None,
    province_code: str | None = None,
    breakdowns: Iterable[Breakdown] = DEFAULT_BREAKDOWNS,
    today: date | None = None,
) -> Report:
    """Every indicator of `period` for the young people and openings of `center_ids` (None:
    every center) and of one province if given. `today` (Cambodian date by default) bounds the
    follow-ups counted as due."""
    breakdowns = tuple(b for b in breakdowns if b != Breakdown.NONE)
    scope = sources.Scope(period, center_ids, province_code, today or today_in_cambodia())
    report = Report(period=period, center_ids=center_ids, province_code=province_code)
    read: dict[str, Cells] = {}
    for indicator in INDICATORS:
        if indicator.source not in read:
            read[indicator.source] = SOURCES[indicator.source](scope, breakdowns)
        report.figures.extend(_figures(indicator, read[indicator.source], breakdowns))
    return report


def figures_by_cell(report: Report) -> dict[tuple[str, str, str, str, str], Figure]:
    """The report's figures by (indicator, breakdown, breakdown value, sex, age band)."""
    return {
        (f.indicator, f.breakdown, f.breakdown_value, f.sex, f.age_band): f for f in report.figures
    }
