"""Hard rules: whatever its score, an opening a rule refuses is never suggested."""

from datetime import timedelta

import pytest

from portal.matching import rank_candidates, score, suggest_openings
from portal.matching.rules import minor_protected, not_open, refusal, under_min_age
from tests.matching.builders import DAY, born_years_ago, candidate, neighbours, offer


def suggested_ids(person, offers, day=DAY):
    return [m.offer_id for m in suggest_openings(person, offers, day, neighbours, limit=50)]


def test_a_17_year_old_never_gets_an_opening_for_18_and_over():
    minor = candidate(date_of_birth=born_years_ago(17))
    adults_only = offer(id=1, min_age=18)
    open_to_all = offer(id=2, min_age=15)
    assert minor_protected(minor, adults_only, DAY) == "minor_adult_only"
    assert score(minor, adults_only, DAY, neighbours) is None
    assert suggested_ids(minor, [adults_only, open_to_all]) == [2]
    assert [m.candidate_id for m in rank_candidates(adults_only, [minor], DAY, neighbours)] == []


def test_a_17_year_old_never_gets_hazardous_work_even_open_to_15_year_olds():
    minor = candidate(date_of_birth=born_years_ago(17))
    hazardous = offer(id=1, min_age=15, hazardous=True)
    assert minor_protected(minor, hazardous, DAY) == "minor_hazardous"
    assert suggested_ids(minor, [hazardous, offer(id=2)]) == [2]


def test_an_adult_may_get_hazardous_work_and_openings_for_18_and_over():
    adult = candidate(date_of_birth=born_years_ago(18))
    assert suggested_ids(adult, [offer(id=1, hazardous=True), offer(id=2, min_age=18)]) == [1, 2]


def test_a_16_year_old_never_gets_an_opening_for_17_and_over():
    sixteen = candidate(date_of_birth=born_years_ago(16))
    seventeen_up = offer(id=1, min_age=17)
    assert under_min_age(sixteen, seventeen_up, DAY) == "under_min_age"
    assert suggested_ids(sixteen, [seventeen_up, offer(id=2, min_age=16)]) == [2]


@pytest.mark.parametrize(
    ("days_to_birthday", "allowed"),
    [(0, True), (1, False), (-1, True)],
    ids=["turns 18 today", "turns 18 tomorrow", "turned 18 yesterday"],
)
def test_the_eighteenth_birthday_counts_on_the_day(days_to_birthday, allowed):
    person = candidate(date_of_birth=born_years_ago(18, days_later=days_to_birthday))
    adults_only = offer(id=1, min_age=18)
    hazardous = offer(id=2, hazardous=True)
    expected = [1, 2] if allowed else []
    assert suggested_ids(person, [adults_only, hazardous]) == expected


def test_the_age_is_taken_on_the_day_of_the_suggestion():
    person = candidate(date_of_birth=born_years_ago(18, days_later=10))
    adults_only = offer(id=1, min_age=18)
    assert suggested_ids(person, [adults_only], DAY) == []
    assert suggested_ids(person, [adults_only], DAY + timedelta(days=10)) == [1]


def test_someone_born_on_29_february_is_18_on_1_march_of_a_common_year():
    from datetime import date

    person = candidate(date_of_birth=date(2008, 2, 29))
    adults_only = offer(id=1, min_age=18)
    assert suggested_ids(person, [adults_only], date(2026, 2, 28)) == []
    assert suggested_ids(person, [adults_only], date(2026, 3, 1)) == [1]


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        ("closed", "closed"),
        ("draft", "not_published"),
        ("pending_review", "not_published"),
        ("rejected", "not_published"),
    ],
)
def test_closed_and_unpublished_openings_are_never_suggested(status, reason):
    person = candidate()
    hidden = offer(id=1, status=status)
    assert not_open(person, hidden, DAY) == reason
    assert suggested_ids(person, [hidden, offer(id=2)]) == [2]
    assert rank_candidates(hidden, [person], DAY, neighbours) == []


def test_an_opening_past_its_closing_date_is_never_suggested_but_counts_on_its_last_day():
    person = candidate()
    expired = offer(id=1, closing_date=DAY - timedelta(days=1))
    last_day = offer(id=2, closing_date=DAY)
    assert not_open(person, expired, DAY) == "expired"
    assert suggested_ids(person, [expired, last_day]) == [2]


def test_without_a_date_of_birth_only_openings_for_everyone_are_suggested():
    unknown = candidate(date_of_birth=None)
    assert refusal(unknown, offer(min_age=18), DAY) == "age_unknown"
    assert refusal(unknown, offer(hazardous=True), DAY) == "age_unknown"
    assert suggested_ids(unknown, [offer(id=1, min_age=18), offer(id=2)]) == [2]


def test_no_score_however_high_beats_a_hard_rule():
    minor = candidate(date_of_birth=born_years_ago(17), skills=("sewing machine operator",))
    perfect_but_adults_only = offer(id=1, min_age=18, skills=("sewing machine operator",))
    poor_but_open = offer(id=2, title="Cashier", skills=("cashier",), province_code="16")
    assert suggested_ids(minor, [perfect_but_adults_only, poor_but_open]) == [2]
