"""The labelled set: for each young person (data/cases.csv) the right openings of their pool
(data/openings.csv) rank in the top 3, and the ones a hard rule refuses never appear."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from portal.matching import Candidate, Offer, score, suggest_openings
from portal.skills import parse_skills
from tests.matching.builders import DAY, born_years_ago, neighbours

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _offer(row: dict[str, str]) -> Offer:
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


def _candidate(row: dict[str, str]) -> Candidate:
    return Candidate(
        id=int(row["case"]),
        skills=tuple(parse_skills(row["skills"])),
        province_code=row["province"],
        work_provinces=tuple(row["work_provinces"].split()),
        wanted_kinds=tuple(row["wanted_kinds"].split()),
        education_level=row["education"],
        languages=tuple(row["languages"].split()),
        date_of_birth=born_years_ago(int(row["age"]), days_later=-100),
        consent=True,
    )


OFFERS = {offer.id: offer for offer in map(_offer, _rows("openings.csv"))}
CASES = _rows("cases.csv")


def ids(text: str) -> list[int]:
    return [int(i) for i in text.split()]


def test_the_labelled_set_is_big_enough_and_consistent():
    assert len(CASES) >= 40
    for case in CASES:
        pool = ids(case["pool"])
        assert set(ids(case["top3"])) <= set(pool), case["case"]
        assert set(ids(case["never"])) <= set(pool), case["case"]
        assert set(pool) <= OFFERS.keys(), case["case"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['case']}-{c['story']}" for c in CASES])
def test_the_right_openings_rank_in_the_top_3(case):
    pool = [OFFERS[i] for i in ids(case["pool"])]
    ranked = suggest_openings(_candidate(case), pool, DAY, neighbours, limit=len(pool))
    ranked_ids = [m.offer_id for m in ranked]
    assert set(ids(case["top3"])) <= set(ranked_ids[:3]), ranked
    assert not set(ids(case["never"])) & set(ranked_ids)


def test_suggestions_score_each_opening_as_score_does_alone():
    """suggest_openings shares work between openings (skills.best_of); the scores stay the same."""
    for case in CASES[:10]:
        person = _candidate(case)
        pool = [OFFERS[i] for i in ids(case["pool"])]
        for match in suggest_openings(person, pool, DAY, neighbours, limit=len(pool)):
            assert match == score(person, OFFERS[match.offer_id], DAY, neighbours)
