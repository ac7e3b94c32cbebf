"""The labelled sets of matching, read once: the tuned cases (cases.csv, top-3 checks) and the
frozen set (frozen_cases.csv, graded labels), with the two figures both are scored by."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from portal.matching import Candidate, Offer, suggest_openings
from portal.places import neighbours as real_neighbours
from portal.skills import parse_skills
from tests.matching.builders import DAY, born_years_ago
from tests.matching.builders import neighbours as test_neighbours

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def ids(text: str) -> list[int]:
    return [int(i) for i in text.split()]


def offer_from(row: dict[str, str]) -> Offer:
    closing = row["closing_date"]
    return Offer(
        id=int(row["id"]),
        kind=row["kind"],
        title=row["title"],
        skills=tuple(parse_skills(row["skills"])),
        province_code=row["province"],
        min_age=int(row["min_age"]),
        status=row["status"],
        closing_date=date.fromisoformat(closing) if closing else None,
        hazardous=row["hazardous"] == "yes",
        min_education=row["min_education"] or None,
        languages=tuple(row["languages"].split()),
    )


def candidate_from(row: dict[str, str], id_column: str = "case") -> Candidate:
    return Candidate(
        id=int(row[id_column]),
        skills=tuple(parse_skills(row["skills"])),
        province_code=row["province"],
        work_provinces=tuple(row["work_provinces"].split()),
        wanted_kinds=tuple(row["wanted_kinds"].split()),
        education_level=row["education"],
        languages=tuple(row["languages"].split()),
        date_of_birth=born_years_ago(int(row["age"]), days_later=-100),
        consent=True,
    )


@dataclass(frozen=True)
class Judged:
    """One person of a labelled set: their pool and the grade of each opening (0 if unlisted)."""

    name: str
    candidate: Candidate
    pool: tuple[Offer, ...]
    grades: dict[int, int]
    neighbours: Callable


def tuned_set() -> list[Judged]:
    """cases.csv: the top-3 openings count as relevant (grade 1), the rest 0."""
    offers = {o.id: o for o in map(offer_from, rows("openings.csv"))}
    return [
        Judged(
            f"{row['case']}-{row['story']}",
            candidate_from(row),
            tuple(offers[i] for i in ids(row["pool"])),
            {i: 1 for i in ids(row["top3"])},
            test_neighbours,
        )
        for row in rows("cases.csv")
    ]


def frozen_set() -> list[Judged]:
    """frozen_cases.csv: graded labels 0..3 (FROZEN.md), real province borders."""
    offers = {o.id: o for o in map(offer_from, rows("frozen_openings.csv"))}
    return [
        Judged(
            f"{row['person']}-{row['story']}",
            candidate_from(row, "person"),
            tuple(offers[i] for i in ids(row["pool"])),
            {int(i): int(g) for i, g in (pair.split(":") for pair in row["grades"].split())},
            real_neighbours,
        )
        for row in rows("frozen_cases.csv")
    ]


def ranked(judged: Judged, day: date = DAY) -> list[int]:
    """The pool as the engine shows it, best first (refused openings left out)."""
    pool = judged.pool
    matches = suggest_openings(judged.candidate, pool, day, judged.neighbours, limit=len(pool))
    return [m.offer_id for m in matches]


def ndcg(shown: Sequence[int], grades: dict[int, int], k: int = 10) -> float:
    """nDCG@k with gain 2^grade - 1 (1.0 when nothing in the pool is relevant and none shown)."""

    def dcg(gains: Sequence[int]) -> float:
        return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(i, 0) for i in shown]) / ideal if ideal else 1.0


def precision(shown: Sequence[int], grades: dict[int, int], k: int = 5) -> float:
    """The share of the first k shown that are relevant (grade 1 or more); fewer than k shown
    count as misses, so an empty page is not perfect."""
    return sum(1 for i in shown[:k] if grades.get(i, 0) > 0) / k


@dataclass(frozen=True)
class Figures:
    ndcg10: float
    p5: float
    people: int


def figures(judged_set: list[Judged]) -> Figures:
    """Mean nDCG@10 and P@5 over a labelled set."""
    shown = [(ranked(j), j.grades) for j in judged_set]
    count = len(shown)
    return Figures(
        sum(ndcg(s, g) for s, g in shown) / count,
        sum(precision(s, g) for s, g in shown) / count,
        count,
    )
