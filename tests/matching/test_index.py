"""The indexes give exactly what the pair-by-pair functions give: the same openings and people,
the same scores, the same reasons, in the same order, on messy seeded data (index_data.py)."""

from __future__ import annotations

import numpy as np
import pytest

from portal.matching import rank_candidates, score, suggest_openings
from portal.matching.index import CandidateIndex, OfferIndex
from portal.matching.index_arrays import REFUSED, round4
from portal.matching.skills import similarity
from tests.matching import index_data as messy
from tests.matching.builders import DAY, born_years_ago, candidate, neighbours, offer

YOUTH = messy.candidates(300)
OFFERS = messy.offers(300)


@pytest.fixture(scope="module")
def offer_index() -> OfferIndex:
    return OfferIndex(OFFERS, DAY, neighbours)


@pytest.fixture(scope="module")
def candidate_index() -> CandidateIndex:
    return CandidateIndex(YOUTH, DAY, neighbours)


def test_each_skill_text_is_as_like_every_opening_text_as_similarity_says(offer_index):
    pool = offer_index.pool.texts
    for person in YOUTH[:120]:
        for text in person.skill_texts:
            found, values = offer_index.pool.likeness(text)
            dense = np.zeros(len(pool))
            dense[found] = values
            assert list(dense) == [similarity(text, other) for other in pool], text.text


def test_similarity_is_symmetric_so_one_pool_serves_both_directions(offer_index):
    texts = offer_index.pool.texts
    for a in texts[:150]:
        for b in texts:
            assert similarity(a, b) == similarity(b, a), (a.text, b.text)


def test_every_pair_scores_as_score_does(offer_index):
    assert 0 < len(offer_index) < len(OFFERS)  # closed, draft and expired ones left out
    for person in YOUTH[:150]:
        scores = offer_index.scores(person)
        expected = [score(person, o, DAY, neighbours) for o in offer_index.offers]
        assert list(scores) == [REFUSED if m is None else m.score for m in expected]


@pytest.mark.parametrize("limit", [1, 10, 40])
def test_each_young_person_gets_the_same_suggestions(offer_index, limit):
    for person in YOUTH:
        expected = suggest_openings(person, OFFERS, DAY, neighbours, limit=limit)
        assert offer_index.suggest(person, limit=limit) == expected, person


def test_suggestions_on_another_day_follow_ages_and_closing_dates():
    day = messy.day_after(1)
    index = OfferIndex(OFFERS, day, neighbours)
    for person in YOUTH:
        assert index.suggest(person) == suggest_openings(person, OFFERS, day, neighbours)


@pytest.mark.parametrize("consented_only", [False, True])
def test_each_opening_gets_the_same_candidates(candidate_index, consented_only):
    for opening in OFFERS:
        expected = rank_candidates(
            opening, YOUTH, DAY, neighbours, limit=20, consented_only=consented_only
        )
        found = candidate_index.rank(opening, limit=20, consented_only=consented_only)
        assert found == expected, opening


def test_candidates_among_those_a_counselor_may_see(candidate_index):
    seen = [person for person in YOUTH if person.province_code == "12"]
    among = {person.id for person in seen}
    for opening in OFFERS[:100]:
        expected = rank_candidates(opening, seen, DAY, neighbours, limit=15)
        assert candidate_index.rank(opening, limit=15, among=among) == expected


def test_a_person_without_skills_still_gets_openings_by_place_and_kind(offer_index):
    person = candidate(skills=(), wanted_kinds=("course",))
    found = offer_index.suggest(person, limit=25)
    assert found and found == suggest_openings(person, OFFERS, DAY, neighbours, limit=25)
    assert all(match.reason("skills") is None for match in found)


def test_a_limit_larger_than_the_pool_lists_every_open_opening():
    pool = [offer(id=n, skills=("sewing",) * (n % 3)) for n in range(1, 8)]
    index = OfferIndex(pool, DAY, neighbours)
    person = candidate(skills=("sewing", "cooking"))
    found = index.suggest(person, limit=50)
    assert len(found) == 7
    assert found == suggest_openings(person, pool, DAY, neighbours, limit=50)
    # with the skill listed (once or twice): 1.0; with the title only ("sewing" inside): less
    assert [m.offer_id for m in found] == [1, 2, 4, 5, 7, 3, 6]  # ties: lower id first


def test_a_minor_refused_every_opening_gets_none():
    pool = [offer(id=1, hazardous=True, min_age=18), offer(id=2, min_age=18)]
    minor = candidate(date_of_birth=born_years_ago(17, days_later=1))
    assert OfferIndex(pool, DAY, neighbours).suggest(minor) == []
    assert CandidateIndex([minor], DAY, neighbours).rank(pool[0]) == []


def test_a_closed_opening_has_no_candidates_and_an_empty_index_no_suggestions():
    people = CandidateIndex([candidate()], DAY, neighbours)
    assert people.rank(offer(status="closed")) == []
    assert people.rank(offer(), limit=0) == []
    assert OfferIndex([], DAY, neighbours).suggest(candidate()) == []
    assert CandidateIndex([], DAY, neighbours).rank(offer()) == []


def test_rounding_is_pythons_even_on_halves():
    values = np.array([0.00005, 0.00015, 0.12345, 0.5525, 0.28125, 1 / 3, 0.0])
    assert list(round4(values)) == [round(float(v), 4) for v in values]
