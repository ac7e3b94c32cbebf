"""Must show: every indicator's exact value on a small world counted by hand (tests/indicators/
world.py tells who is who). Each expected number is a literal worked out from that table, in the
comments; none is computed by the code under test.

Tables read sex -> (15-17, 18-24, 25-30, all). A rate is (part, whole), None when whole is 0."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from portal.extensions import db
from portal.indicators.compute import INDICATORS, compute, figures_by_cell
from portal.indicators.periods import preset_period
from portal.indicators.types import AGE_BANDS, Breakdown, Period, Unit
from tests.indicators.world import build_world

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
Q2 = preset_period("last_quarter", date(2026, 7, 15))  # 1 April - 30 June 2026
Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))
TODAY = date(2026, 12, 7)
NB = Breakdown.NONE


@pytest.fixture
def world(ctx):
    return build_world()


def table(report, indicator, breakdown=NB, value="all") -> dict[str, tuple]:
    """sex -> values by band, as the report has them ((part, whole) for a rate)."""
    found = {
        (f.sex, f.age_band): f
        for f in report.figures
        if f.indicator == indicator and f.breakdown == breakdown and f.breakdown_value == value
    }
    assert found, f"no figures for {indicator} {breakdown} {value}"
    return {sex: tuple(_shown(found[sex, band]) for band in AGE_BANDS) for sex in _sexes()}


def _sexes():
    return ("female", "male", "other", "total")


def _shown(figure):
    if figure.unit == Unit.RATE:
        if figure.value is None:
            assert figure.denominator == 0
            return None
        part = round(figure.value * figure.denominator)
        assert figure.value == pytest.approx(part / figure.denominator)
        return (part, figure.denominator)
    return figure.value


def total(report, indicator, breakdown=NB, value="all"):
    """The total, all ages, of one indicator (people or things)."""
    return _shown(figures_by_cell(report)[indicator, breakdown, value, "total", "all"])


# Who counts, all centers, second quarter (see world.py for each person and application).
EXPECTED_Q2 = {
    # Registered 1 Apr - 30 Jun there: Y1 F16, Y2 F18, Y3 M17, Y5 O24, Y7 M29 (16:59:59 UTC on
    # the 30th), Y8 F24, Y9 M19, Y10 F31 (only in "all"). Not Y4, Y6, Y11 (23:59:59 on 31 March
    # there), Y12 (17:00 UTC on the 30th is 1 July there).
    "registered": {
        "female": (1, 2, 0, 4),  # Y1 | Y2 Y8 | - | + Y10
        "male": (1, 1, 1, 3),  # Y3 | Y9 | Y7
        "other": (0, 1, 0, 1),  # Y5
        "total": (2, 4, 1, 8),
    },
    # Job and internship applications started in the period: a3 (Y2), a4 (Y7, 17:00 on the 30th
    # there), a6 (Y5), a8 (Y1), a9 (Y8), a10 (Y10). Not a1, a2, a11 (before), a7 (after),
    # a5 and a12 (courses).
    "applications": {
        "female": (1, 2, 0, 4),  # a8 | a3 a9 | - | + a10
        "male": (0, 0, 1, 1),  # a4
        "other": (0, 1, 0, 1),  # a6
        "total": (1, 3, 1, 6),
    },
    "referrals": {  # a3 only (a7 and a11 are outside the period)
        "female": (0, 1, 0, 1),
        "male": (0, 0, 0, 0),
        "other": (0, 0, 0, 0),
        "total": (0, 1, 0, 1),
    },
    "referral_share": {  # referrals / applications, cell by cell
        "female": ((0, 1), (1, 2), None, (1, 4)),
        "male": (None, None, (0, 1), (0, 1)),
        "other": (None, (0, 1), None, (0, 1)),
        "total": ((0, 1), (1, 3), (0, 1), (1, 6)),
    },
    # Moved to an interview in the period: a2 (31 Mar 18:00 UTC is 1 April there), a3, a4
    # (30 June 12:00 UTC), a8, a9. Not a1 (10 March).
    "interviews": {
        "female": (1, 2, 0, 3),  # a8 | a3 a9
        "male": (0, 1, 1, 2),  # a2 | a4
        "other": (0, 0, 0, 0),
        "total": (1, 3, 1, 5),
    },
    # Of the six applications started, reached an interview: a3 a4 a8 a9 (not a6, a10).
    "interview_rate": {
        "female": ((1, 1), (2, 2), None, (3, 4)),
        "male": (None, None, (1, 1), (1, 1)),
        "other": (None, (0, 1), None, (0, 1)),
        "total": ((1, 1), (2, 3), (1, 1), (4, 6)),
    },
    # Of those four, hired by now: a3 a4 a9 (a4 on 1 July: "by now" counts it).
    "hire_after_interview_rate": {
        "female": ((0, 1), (2, 2), None, (2, 3)),
        "male": (None, None, (1, 1), (1, 1)),
        "other": (None, None, None, None),
        "total": ((0, 1), (2, 2), (1, 1), (3, 4)),
    },
    # Hire day in the period: a2 (1 April, Y4 M19), a3 (30 June, Y2 F18), a9 (20 May, Y8 F24).
    # Not a1 (31 March), a4 (1 July), a5 (a course place).
    "hires": {
        "female": (0, 2, 0, 2),
        "male": (0, 1, 0, 1),
        "other": (0, 0, 0, 0),
        "total": (0, 3, 0, 3),
    },
    # People who applied in the period: Y1 (no), Y2 (hired), Y5 (no), Y7 (hired), Y8 (hired),
    # Y10 (no).
    "placement_rate": {
        "female": ((0, 1), (2, 2), None, (2, 4)),
        "male": (None, None, (1, 1), (1, 1)),
        "other": (None, (0, 1), None, (0, 1)),
        "total": ((0, 1), (2, 3), (1, 1), (3, 6)),
    },
    # 1-month follow-ups due 1 Apr - 30 Jun: a1 (30 Apr, Y6 F26, employed), a2 (1 May, Y4 M19,
    # employed), a9 (19 June, Y8 F24, not answered). a5's (a course) does not count.
    "followups_due_1": {
        "female": (0, 1, 1, 2),
        "male": (0, 1, 0, 1),
        "other": (0, 0, 0, 0),
        "total": (0, 2, 1, 3),
    },
    "employed_1": {
        "female": (0, 0, 1, 1),
        "male": (0, 1, 0, 1),
        "other": (0, 0, 0, 0),
        "total": (0, 1, 1, 2),
    },
    "employed_1_rate": {
        "female": (None, (0, 1), (1, 1), (1, 2)),
        "male": (None, (1, 1), None, (1, 1)),
        "other": (None, None, None, None),
        "total": (None, (1, 2), (1, 1), (2, 3)),
    },
    # 3-month follow-ups due: a1 only (30 June, not employed); a2's is due 1 July.
    "followups_due_3": {
        "female": (0, 0, 1, 1),
        "male": (0, 0, 0, 0),
        "other": (0, 0, 0, 0),
        "total": (0, 0, 1, 1),
    },
    "employed_3": {sex: (0, 0, 0, 0) for sex in ("female", "male", "other", "total")},
    "employed_3_rate": {
        "female": (None, None, (0, 1), (0, 1)),
        "male": (None, None, None, None),
        "other": (None, None, None, None),
        "total": (None, None, (0, 1), (0, 1)),
    },
    # First hire in the period: Y4 on 1 April, registered 1 January: 31+28+31 = 90 days;
    # Y2 on 30 June, registered 5 April: 25+31+30 = 86; Y8 on 20 May, registered 20 April: 30.
    # Female median of 86 and 30 = 58; everyone: 30, 86, 90 -> 86.
    "days_to_first_hire": {
        "female": (None, 58, None, 58),
        "male": (None, 90, None, 90),
        "other": (None, None, None, None),
        "total": (None, 86, None, 86),
    },
    "course_places": {  # a5 (Y3 M17, enrolled 15 May); a12 is on 1 July
        "female": (0, 0, 0, 0),
        "male": (1, 0, 0, 1),
        "other": (0, 0, 0, 0),
        "total": (1, 0, 0, 1),
    },
}


@pytest.mark.parametrize("indicator", sorted(EXPECTED_Q2))
def test_every_people_indicator_by_sex_and_age_band(world, indicator):
    report = compute(Q2, today=TODAY)
    assert table(report, indicator) == EXPECTED_Q2[indicator]


def test_every_indicator_of_the_registry_is_checked_here(world):
    people = {i.id for i in INDICATORS if i.by_person}
    assert people == set(EXPECTED_Q2)
    things = {i.id for i in INDICATORS if not i.by_person}
    assert things == set(EXPECTED_THINGS_Q2)


# Openings published 1 Apr - 30 Jun there: OJ1 (job), OI1 (internship, 16:59:59 UTC on the
# 30th), OC1 (course), OJ3 (job, organization B). Not OJ2 (31 March there), OJ4 (1 July there),
# OX (never published). Screened: OJ1, OI1, OJ3, OX (high: held); not OJ2, OJ4 (outside), OC1
# (never). Reported: OJ1 (twice: one posting), OJ2 (1 April 07:30 there); OJ3's is 1 July there.
EXPECTED_THINGS_Q2 = {
    "openings_published": 4,
    "openings_job": 2,
    "openings_internship": 1,
    "openings_course": 1,
    "postings_screened": 4,
    "postings_held": 1,
    "postings_reported": 2,
}


def test_openings_and_postings_are_totals(world):
    report = compute(Q2, today=TODAY)
    for indicator, expected in EXPECTED_THINGS_Q2.items():
        figures = [f for f in report.figures if f.indicator == indicator and f.breakdown == NB]
        assert [(f.sex, f.age_band, f.value) for f in figures] == [("total", "all", expected)]


def test_openings_by_province_and_occupation_group(world):
    report = compute(Q2, today=TODAY)
    by = {
        (f.breakdown, f.breakdown_value): f.value
        for f in report.figures
        if f.indicator == "openings_published"
    }
    assert by == {
        (NB, "all"): 4,
        (Breakdown.PROVINCE, "12"): 3,  # OJ1 OI1 OC1
        (Breakdown.PROVINCE, "17"): 1,  # OJ3
        # ISCO-08 minor groups, from each title's occupation (portal/search/data/vocabulary.csv)
        (Breakdown.OCCUPATION, "815"): 1,  # OJ1 "Sewing machine operator": machine operators
        (Breakdown.OCCUPATION, "723"): 1,  # OI1 "Motorbike mechanic intern": mechanics
        (Breakdown.OCCUPATION, "411"): 1,  # OC1 "Basic computer course": general office clerks
        (Breakdown.OCCUPATION, "422"): 1,  # OJ3 "Hotel receptionist": client information workers
    }


def test_registered_by_province_disability_and_education(world):
    report = compute(Q2, today=TODAY)
    assert total(report, "registered", Breakdown.PROVINCE, "12") == 6  # Y1 Y2 Y3 Y5 Y7 Y10
    assert table(report, "registered", Breakdown.PROVINCE, "17") == {
        "female": (0, 1, 0, 1),  # Y8
        "male": (0, 1, 0, 1),  # Y9
        "other": (0, 0, 0, 0),
        "total": (0, 2, 0, 2),
    }
    assert table(report, "registered", Breakdown.DISABILITY, "yes") == {
        "female": (1, 0, 0, 1),  # Y1 (seeing: a lot of difficulty)
        "male": (0, 0, 1, 1),  # Y7 (self-care: cannot do)
        "other": (0, 0, 0, 0),
        "total": (1, 0, 1, 2),
    }
    assert total(report, "registered", Breakdown.DISABILITY, "no") == 1  # Y3 (all "no difficulty")
    assert table(report, "registered", Breakdown.DISABILITY, "not_said")["female"] == (0, 2, 0, 3)
    assert total(report, "registered", Breakdown.DISABILITY, "not_said") == 5  # Y2 Y5 Y8 Y9 Y10
    education = {
        level: total(report, "registered", Breakdown.EDUCATION, level)
        for level in ("none", "primary", "lower_secondary", "upper_secondary")
        + ("vocational", "university", "not_said")
    }
    assert education == {
        "none": 1,  # Y10
        "primary": 2,  # Y1 Y9
        "lower_secondary": 2,  # Y3 Y8
        "upper_secondary": 2,  # Y2 Y7
        "vocational": 0,  # Y4 registered before the period
        "university": 1,  # Y5
        "not_said": 0,
    }


def test_rates_and_medians_by_breakdown_are_computed_per_cell(world):
    report = compute(Q2, today=TODAY)
    assert total(report, "hires", Breakdown.DISABILITY, "no") == 1  # Y4 (hearing: some)
    assert total(report, "hires", Breakdown.DISABILITY, "not_said") == 2  # Y2 Y8
    assert total(report, "placement_rate", Breakdown.DISABILITY, "yes") == (1, 2)  # Y7 of Y1 Y7
    assert total(report, "placement_rate", Breakdown.DISABILITY, "no") is None  # nobody applied
    assert total(report, "placement_rate", Breakdown.DISABILITY, "not_said") == (2, 4)
    assert total(report, "days_to_first_hire", Breakdown.PROVINCE, "12") == 88  # 90, 86
    assert total(report, "days_to_first_hire", Breakdown.PROVINCE, "17") == 30  # Y8


def test_a_center_sees_only_its_young_people_and_its_province_s_openings(world):
    a, b = world.centers["A"].id, world.centers["B"].id
    center_a = compute(Q2, center_ids=(a,), today=TODAY)
    assert table(center_a, "registered")["total"] == (2, 2, 1, 6)  # Y1 Y3 | Y2 Y5 | Y7 | Y10
    assert total(center_a, "applications") == 5  # a3 a4 a6 a8 a10
    assert total(center_a, "interviews") == 4  # a2 a3 a4 a8
    assert total(center_a, "hires") == 2  # a2 a3
    assert total(center_a, "placement_rate") == (2, 5)  # Y2 Y7 of Y1 Y2 Y5 Y7 Y10
    assert total(center_a, "employed_1_rate") == (2, 2)  # a1 a2
    assert total(center_a, "days_to_first_hire") == 88  # 90 and 86
    assert total(center_a, "openings_published") == 3  # OJ1 OI1 OC1
    assert total(center_a, "postings_screened") == 3  # OJ1 OI1 OX
    assert total(center_a, "postings_reported") == 2  # OJ1 OJ2

    center_b = compute(Q2, center_ids=(b,), today=TODAY)
    assert table(center_b, "registered")["total"] == (0, 2, 0, 2)  # Y8 Y9
    assert total(center_b, "referrals") == 0  # a11 was on 31 March there
    assert total(center_b, "hires") == 1  # a9
    assert total(center_b, "employed_1_rate") == (0, 1)  # a9 not answered
    assert total(center_b, "days_to_first_hire") == 30
    assert total(center_b, "openings_job") == 1  # OJ3
    assert total(center_b, "postings_held") == 0
    assert total(center_b, "postings_reported") == 0  # OJ3's report is on 1 July there

    both = compute(Q2, center_ids=(a, b), today=TODAY)
    assert table(both, "registered") == EXPECTED_Q2["registered"]
    assert total(compute(Q2, center_ids=(), today=TODAY), "registered") == 0


def test_one_province(world):
    report = compute(Q2, province_code="17", today=TODAY)
    assert total(report, "registered") == 2  # Y8 Y9
    assert total(report, "openings_published") == 1  # OJ3


def test_the_days_around_the_period(world):
    q1 = compute(Q1, today=TODAY)
    assert total(q1, "registered") == 2  # Y4 (1 January), Y11 (23:59:59 on 31 March there)
    assert table(q1, "hires")["female"] == (0, 0, 1, 1)  # a1 on 31 March (Y6, 26 on 31 March)
    assert total(q1, "interviews") == 1  # a1; a2's was 1 April there
    assert total(q1, "applications") == 3  # a1 a2 a11 (23:59:59 on 31 March there)
    assert total(q1, "referrals") == 1  # a11
    assert total(q1, "openings_published") == 1  # OJ2

    q3 = compute(Q3, today=TODAY)
    assert total(q3, "registered") == 1  # Y12 (1 July 00:00 there)
    assert table(q3, "hires")["male"] == (0, 0, 1, 1)  # a4 on 1 July (Y7)
    # a12 on 1 July; Y5 is 25 on 30 September, so she is now in 25-30.
    assert table(q3, "course_places")["other"] == (0, 0, 1, 1)
    assert total(q3, "referrals") == 1  # a7 (1 July 00:00 there)
    assert total(q3, "openings_published") == 1  # OJ4
    assert total(q3, "postings_held") == 1  # OJ4
    assert total(q3, "postings_reported") == 1  # OJ3
    assert total(q3, "followups_due_1") == 2  # a3 (30 July), a4 (31 July)
    assert total(q3, "followups_due_3") == 4  # a2 (1 July) a9 (19 Aug) a3 (29 Sep) a4 (30 Sep)
    assert total(q3, "employed_3") == 1  # a2


def test_single_days_and_follow_ups_not_due_yet(world):
    first = compute(Period(date(2026, 4, 1), date(2026, 4, 1)), today=TODAY)
    assert total(first, "registered") == 1  # Y1 (31 March 17:00 UTC)
    assert total(first, "hires") == 1  # a2
    assert total(first, "interviews") == 1  # a2 (31 March 18:00 UTC)
    last = compute(Period(date(2026, 6, 30), date(2026, 6, 30)), today=TODAY)
    assert total(last, "registered") == 1  # Y7 (16:59:59 UTC)
    assert total(last, "hires") == 1  # a3
    assert total(last, "interviews") == 1  # a4 (12:00 UTC)
    assert total(last, "openings_published") == 1  # OI1

    # On 1 August only the follow-ups due by then count: a3 (30 July), a4 (31 July) at one
    # month; a2 (1 July) at three.
    early = compute(Q3, today=date(2026, 8, 1))
    assert total(early, "followups_due_1") == 2
    assert total(early, "followups_due_3") == 1
    assert total(early, "employed_3_rate") == (1, 1)


def _groups(report):
    groups: dict[tuple, dict] = {}
    for f in report.figures:
        if f.unit in (Unit.PEOPLE, Unit.COUNT):
            key = (f.indicator, f.breakdown, f.breakdown_value)
            groups.setdefault(key, {})[f.sex, f.age_band] = f.value
    return groups


def _bands_short_of_all(cells) -> dict[str, int]:
    sexes = {sex for sex, _ in cells}
    for band in {band for _, band in cells}:
        parts = [cells[sex, band] for sex in ("female", "male", "other") if sex in sexes]
        if parts:
            assert sum(parts) == cells["total", band]
    return {
        sex: cells[sex, "all"] - sum(cells[sex, b] for b in AGE_BANDS[:3] if (sex, b) in cells)
        for sex in sexes
    }


def test_sexes_add_up_to_the_total_and_bands_to_all(world):
    # Center B has nobody outside 15-30: its bands add up to "all" exactly.
    center_b = compute(Q2, center_ids=(world.centers["B"].id,), today=TODAY)
    for key, cells in _groups(center_b).items():
        if set(cells) == {("total", "all")}:
            continue  # openings and postings: a total only, nothing to add up
        assert set(_bands_short_of_all(cells).values()) == {0}, key
    # Everywhere, the only gap between the bands and "all" is Y10 (31): in registered and
    # applications, as a woman, overall and in her province, schooling and disability columns.
    y10 = {("registered",), ("applications",)}
    her_values = {
        NB: "all",
        Breakdown.PROVINCE: "12",
        Breakdown.DISABILITY: "not_said",
        Breakdown.EDUCATION: "none",
    }
    for (indicator, breakdown, value), cells in _groups(compute(Q2, today=TODAY)).items():
        if set(cells) == {("total", "all")}:
            continue
        gap = _bands_short_of_all(cells)
        hers = her_values.get(breakdown) == value
        expected = 1 if (indicator,) in y10 and hers else 0
        assert gap.get("female", 0) == gap.get("total", 0) == expected, (indicator, value)
        assert gap.get("male", 0) == gap.get("other", 0) == 0


def test_a_report_is_a_handful_of_queries_whatever_the_number_of_people(world, make_youth):
    def statements() -> int:
        sent = []

        def count(*args):
            sent.append(1)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            compute(Q2, today=TODAY)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(sent)

    before = statements()
    for _ in range(30):
        make_youth(center_id=world.centers["A"].id, date_of_birth=date(2005, 5, 5))
    assert statements() == before <= 12
