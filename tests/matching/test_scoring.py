"""Scoring: skills lead (fuzzy and through the vocabulary), then place, kind, education,
languages; every suggestion says why."""

import pytest

from portal.matching import rank_candidates, score, suggest_openings
from portal.matching.scoring import reaches_education
from portal.matching.skills import match_skills, prepare, similarity
from tests.matching.builders import DAY, candidate, neighbours, offer


def skills_of(person_skills, opening_skills, title=""):
    theirs = tuple(prepare(s) for s in person_skills)
    return match_skills(theirs, tuple(prepare(s) for s in opening_skills), prepare(title))


@pytest.mark.parametrize(
    ("theirs", "wanted"),
    [
        ("sewing", "garment sewer"),
        ("ជួសជុលម៉ូតូ", "motorbike repair"),
        ("motorbike repair", "ជាងជួសជុលម៉ូតូ"),
        ("ចុងភៅ", "Cook"),
        ("welding", "Welder"),
    ],
)
def test_the_vocabulary_matches_a_trade_in_other_words_or_the_other_language(theirs, wanted):
    assert similarity(prepare(theirs), prepare(wanted)) >= 0.9


@pytest.mark.parametrize(
    ("theirs", "wanted"),
    [
        ("motorbike repiar", "motorbike repair"),  # a typo
        ("repair motorbike", "motorbike repair"),  # word order
        ("macine operater", "machine operator"),  # two typos
        ("Hair-dressing", "hairdressing"),
    ],
)
def test_fuzzy_matching_forgives_typos_and_word_order(theirs, wanted):
    assert similarity(prepare(theirs), prepare(wanted)) >= 0.8


@pytest.mark.parametrize(
    ("theirs", "wanted"),
    [("cook", "cake maker"), ("driver", "delivery rider"), ("sewing", "welding"), ("", "cook")],
)
def test_unrelated_skills_do_not_match(theirs, wanted):
    assert similarity(prepare(theirs), prepare(wanted)) == 0


def test_the_matched_pairs_name_their_skill_and_the_openings():
    found = skills_of(["Sewing", "cooking"], ["garment sewer", "ironing"], "Garment sewer")
    assert ("Sewing", "garment sewer") in found.pairs
    assert all(theirs != "cooking" for theirs, _ in found.pairs)
    assert 0 < found.score < 1


def test_the_title_counts_when_the_opening_lists_no_skills():
    assert skills_of(["motorbike repair"], [], "Motorbike mechanic").pairs == (
        ("motorbike repair", "Motorbike mechanic"),
    )


def test_having_more_of_the_openings_skills_scores_higher():
    some = skills_of(["welding"], ["welding", "steel fixing"], "Welder")
    all_of_them = skills_of(["welding", "steel fixing"], ["welding", "steel fixing"], "Welder")
    assert all_of_them.score > some.score


def test_a_matching_trade_far_away_beats_no_trade_next_door():
    person = candidate(skills=("sewing",), province_code="12")
    far_sewing = offer(id=1, province_code="16")
    near_cashier = offer(id=2, title="Cashier", skills=("cashier",), province_code="12")
    ranked = suggest_openings(person, [near_cashier, far_sewing], DAY, neighbours)
    assert [m.offer_id for m in ranked] == [1, 2]


def test_place_tiers_rank_same_province_then_wanted_province_then_neighbour_then_elsewhere():
    person = candidate(province_code="12", work_provinces=("17",))
    offers = [
        offer(id=1, province_code="16"),  # Ratanakiri: elsewhere
        offer(id=2, province_code="08"),  # Kandal: a neighbour of Phnom Penh
        offer(id=3, province_code="17"),  # Siem Reap: where they would work
        offer(id=4, province_code="12"),  # Phnom Penh: home
    ]
    ranked = suggest_openings(person, offers, DAY, neighbours)
    assert [m.offer_id for m in ranked] == [4, 3, 2, 1]
    tiers = [m.reason("place").params["tier"] for m in ranked]
    assert tiers == ["same_province", "work_province", "neighbour", "elsewhere"]


def test_the_kind_they_want_comes_first():
    person = candidate(wanted_kinds=("internship",))
    job, internship = offer(id=1, kind="job"), offer(id=2, kind="internship")
    ranked = suggest_openings(person, [job, internship], DAY, neighbours)
    assert [m.offer_id for m in ranked] == [2, 1]
    assert ranked[0].reason("kind").params == {"kind": "internship"}
    assert ranked[1].reason("kind") is None


def test_saying_no_kind_is_neutral_between_wanted_and_unwanted():
    wanted = score(candidate(wanted_kinds=("job",)), offer(), DAY, neighbours).score
    unsaid = score(candidate(wanted_kinds=()), offer(), DAY, neighbours).score
    unwanted = score(candidate(wanted_kinds=("course",)), offer(), DAY, neighbours).score
    assert wanted > unsaid > unwanted


@pytest.mark.parametrize(
    ("level", "needed", "reached"),
    [
        ("upper_secondary", "lower_secondary", True),
        ("lower_secondary", "upper_secondary", False),
        ("none", "primary", False),
        ("vocational", "upper_secondary", True),
        ("university", "vocational", True),
        ("vocational", "university", False),
        ("none", None, True),
    ],
)
def test_education_levels_are_ordered(level, needed, reached):
    assert reaches_education(level, needed) is reached


def test_missing_education_lowers_the_score_and_says_what_is_needed():
    person = candidate(education_level="primary")
    match = score(person, offer(min_education="upper_secondary"), DAY, neighbours)
    plain = score(person, offer(), DAY, neighbours)
    assert match.score < plain.score
    assert match.reason("needs").params == {"what": ["upper_secondary"]}


def test_a_missing_language_lowers_the_score_and_says_needs_english():
    speaks_khmer = candidate(languages=("km",))
    speaks_both = candidate(languages=("km", "en"))
    needs_english = offer(languages=("en",))
    missing = score(speaks_khmer, needs_english, DAY, neighbours)
    assert missing.reason("needs").params == {"what": ["en"]}
    assert score(speaks_both, needs_english, DAY, neighbours).reason("needs") is None
    assert missing.score < score(speaks_both, needs_english, DAY, neighbours).score


def test_reasons_name_the_skills_the_place_and_the_kind():
    person = candidate(skills=("sewing",), wanted_kinds=("job",), province_code="12")
    match = score(person, offer(title="Garment sewer", skills=("garment sewer",)), DAY, neighbours)
    assert match.reasons[0] == ("skills", {"pairs": [("sewing", "garment sewer")]})
    assert ("place", {"tier": "same_province", "province": "12"}) in match.reasons
    assert ("kind", {"kind": "job"}) in match.reasons
    assert match.offer_id == 100 and match.candidate_id == 1
    assert 0 < match.score <= 1


def test_no_skills_in_common_gives_no_skills_reason():
    match = score(candidate(skills=("cooking",)), offer(), DAY, neighbours)
    assert match.reason("skills") is None


def test_candidates_for_an_opening_rank_by_skills_then_place():
    sewing_job = offer(province_code="12", skills=("sewing",))
    people = [
        candidate(id=1, skills=("cooking",), province_code="12"),
        candidate(id=2, skills=("ដេរខោអាវ",), province_code="08"),  # sews, next door
        candidate(id=3, skills=("sewing",), province_code="12"),
        candidate(id=4, skills=("sewing",), province_code="16"),
    ]
    ranked = rank_candidates(sewing_job, people, DAY, neighbours)
    assert [m.candidate_id for m in ranked] == [3, 2, 4, 1]
    assert rank_candidates(sewing_job, people, DAY, neighbours, limit=2)[1].candidate_id == 2


def test_employers_see_only_candidates_who_agreed_to_share_their_profile():
    people = [candidate(id=1, consent=False), candidate(id=2, consent=True)]
    everyone = rank_candidates(offer(), people, DAY, neighbours)
    shared = rank_candidates(offer(), people, DAY, neighbours, consented_only=True)
    assert {m.candidate_id for m in everyone} == {1, 2}
    assert [m.candidate_id for m in shared] == [2]


def test_a_skill_worded_like_the_title_still_counts_as_covered():
    from portal.matching.skills import match_skills, prepare

    theirs = (prepare("cook"),)
    same_words = match_skills(theirs, (prepare("Cook"),), prepare("Cook"))
    other_title = match_skills(theirs, (prepare("Cook"),), prepare("Cook job"))
    assert same_words.score == other_title.score == 1.0
