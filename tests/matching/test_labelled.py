"""The labelled set: for each young person (data/cases.csv) the right openings of their pool
(data/openings.csv) rank in the top 3, and the ones a hard rule refuses never appear."""

from __future__ import annotations

import pytest

from portal.matching import score, suggest_openings
from tests.matching.builders import DAY, neighbours
from tests.matching.labelled import candidate_from as _candidate
from tests.matching.labelled import ids, offer_from, rows

OFFERS = {offer.id: offer for offer in map(offer_from, rows("openings.csv"))}
CASES = rows("cases.csv")


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
