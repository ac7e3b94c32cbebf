"""Reports made by hand for the page, chart and export tests, in the shape compute.py fills:
long-format figures where sexes add up to the total and age bands to "all" for every count.
`people(...)` builds one indicator from its finest cells; `realistic_report(...)` a center's
quarter with every kind of figure and every breakdown, small cells included."""

from __future__ import annotations

import random
from datetime import date

from portal.indicators.types import ALL, Breakdown, Figure, Period, Report, Unit

PARTS = ("female", "male", "other")
BANDS = ("15-17", "18-24", "25-30")
Q3 = Period(date(2026, 7, 1), date(2026, 9, 30), "Q3 2026")


def people(
    indicator: str,
    counts: dict[str, dict[str, int]],
    breakdown: Breakdown = Breakdown.NONE,
    value: str = ALL,
    unit: Unit = Unit.PEOPLE,
) -> list[Figure]:
    """Figures of one indicator from {sex: {band: n}}, with the totals and "all" added up."""
    figures = []
    for sex in (*PARTS, "total"):
        row = {band: sum(counts.get(s, {}).get(band, 0) for s in PARTS) for band in BANDS}
        if sex != "total":
            row = {band: counts.get(sex, {}).get(band, 0) for band in BANDS}
        for band, n in (*row.items(), (ALL, sum(row.values()))):
            figures.append(Figure(indicator, sex, band, n, unit, breakdown, value))
    return figures


def split(n: int, weights: list[int]) -> list[int]:
    """n shared by weights, the rest to the last: parts that add up to n."""
    parts = [n * w // sum(weights) for w in weights]
    parts[-1] += n - sum(parts)
    return parts


def _random_counts(rng: random.Random, size: int) -> dict[str, dict[str, int]]:
    return {sex: {band: rng.randint(0, size) for band in BANDS} for sex in PARTS}


BREAKDOWN_SHARES = {
    Breakdown.DISABILITY: (("yes", 1), ("no", 6), ("not_said", 2)),
    Breakdown.EDUCATION: (
        ("primary", 2),
        ("lower_secondary", 4),
        ("upper_secondary", 3),
        ("not_said", 1),
    ),
}


def _with_breakdowns(indicator: str, by_province: dict[str, dict], unit: Unit) -> list[Figure]:
    whole: dict[str, dict[str, int]] = {s: dict.fromkeys(BANDS, 0) for s in PARTS}
    figures = []
    for province, counts in by_province.items():
        figures += people(indicator, counts, Breakdown.PROVINCE, province, unit)
        for sex in PARTS:
            for band in BANDS:
                whole[sex][band] += counts[sex][band]
    figures = people(indicator, whole, unit=unit) + figures
    for breakdown, shares in BREAKDOWN_SHARES.items():
        names, weights = zip(*shares, strict=True)
        parts = {s: {b: split(whole[s][b], list(weights)) for b in BANDS} for s in PARTS}
        for i, name in enumerate(names):
            counts = {s: {b: parts[s][b][i] for b in BANDS} for s in PARTS}
            figures += people(indicator, counts, breakdown, name, unit)
    return figures


def realistic_report(
    center_ids=(1,), period: Period = Q3, seed: int = 17, provinces=("15", "12", "02")
) -> Report:
    """A center's quarter: people counts with province, disability and education breakdowns, a
    count of openings, a placement rate and a median of days. Some cells are small."""
    rng = random.Random(seed)
    figures: list[Figure] = []
    for indicator, size in (("registered", 40), ("referrals", 12), ("interviews", 8), ("hires", 6)):
        by_province = {
            p: _random_counts(rng, size if p == provinces[0] else size // 4) for p in provinces
        }
        figures += _with_breakdowns(indicator, by_province, Unit.PEOPLE)
    figures += [Figure("openings_published", "total", ALL, 37, Unit.COUNT)]
    registered = {
        (f.sex, f.age_band): f.value
        for f in figures
        if f.indicator == "registered" and f.breakdown == Breakdown.NONE
    }
    hires = {
        (f.sex, f.age_band): f.value
        for f in figures
        if f.indicator == "hires" and f.breakdown == Breakdown.NONE
    }
    for (sex, band), n in registered.items():
        rate = hires[(sex, band)] / n if n else None
        figures.append(Figure("placement_rate", sex, band, rate, Unit.RATE, denominator=n))
    figures += [
        Figure("days_to_first_hire", sex, ALL, 30 + 4 * i, Unit.DAYS)
        for i, sex in enumerate((*PARTS, "total"))
    ]
    return Report(period=period, center_ids=center_ids, figures=figures)


def tiny_report(center_ids=(1,), period: Period = Q3) -> Report:
    """One indicator whose numbers a test checks by hand: 3 women and 12 men of 18-24, 7 women
    of 25-30 (female 10, male 12, other 0, total 22)."""
    counts = {"female": {"18-24": 3, "25-30": 7}, "male": {"18-24": 12}}
    return Report(period=period, center_ids=center_ids, figures=people("registered", counts))
