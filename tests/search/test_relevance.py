"""The relevance gate: on the labelled set (tests/search/data, see relevance.py) the portal's
search puts the right openings in the first ten often enough.

The fixture's openings are created through the services, so they reach the index the way real
ones do (outbox, drain), and every query goes through `portal.search.query` as the search page
sends it. To see the figures and the worst queries: `.venv/bin/python -m tests.search.relevance`.
"""

from __future__ import annotations

import re
from statistics import mean

import pytest

from tests.search.relevance import (
    FROZEN_FILE,
    RelevanceReport,
    load_openings,
    portal_search,
    precision_at_10,
    read_queries,
)

OVERALL_MINIMUM = 0.90
KHMER_MINIMUM = 0.80
KHMER = re.compile(r"[\u1780-\u17ff]")
# nDCG@10 of each group of the frozen set (data/frozen_queries.csv: Khmer as people write it,
# issue 16) when it was frozen on 2026-12-07, before any rule, vocabulary or weight changed for
# it. The floors rise as the engine improves, each time to the figures then measured, and are
# never lowered; the set's labels never change in a commit that changes the engine.
# At freeze: kh_misspelling 0.329, kh_variant 0.213, kh_for_english 0.919, short_missing 0.203.
# After Khmer typing order folded, letters writers confuse read alike (khmer_spelling.py) and a
# short word's missing letter guessed: 0.994, 0.990, 0.919, 0.973 (floors: two decimals).
# After the vocabulary's pass for usual Khmer names: kh_for_english 1.000.
FROZEN_NDCG_FLOOR = {
    "kh_misspelling": 0.99,
    "kh_variant": 0.99,
    "kh_for_english": 0.99,
    "short_missing": 0.97,
}


@pytest.fixture(scope="module")
def reports(app) -> tuple[RelevanceReport, RelevanceReport]:
    """Load the fixture and run every labelled query, tuned and frozen, once for this file."""
    with app.app_context():
        ids = load_openings()
        key_of_id = {v: k for k, v in ids.items()}
        try:
            return (
                precision_at_10(portal_search, read_queries(), key_of_id),
                precision_at_10(portal_search, read_queries(FROZEN_FILE), key_of_id),
            )
        finally:
            _empty_the_database(app)


@pytest.fixture(scope="module")
def report(reports) -> RelevanceReport:
    return reports[0]


@pytest.fixture(scope="module")
def frozen(reports) -> RelevanceReport:
    return reports[1]


def _empty_the_database(app) -> None:
    from sqlalchemy import delete, update

    from portal.extensions import db
    from portal.orgs.models import Organization

    db.session.rollback()
    db.session.execute(update(Organization).values(verified_by_id=None))
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(delete(table))
    db.session.commit()


def test_precision_at_10_is_at_least_0_90_overall(report):
    assert report.overall >= OVERALL_MINIMUM, report.table(worst=30)


def test_precision_at_10_is_at_least_0_80_for_khmer_queries(report):
    khmer_written = [s.precision for s in report.scores if KHMER.search(s.query.query)]

    assert report.by_group["khmer"] >= KHMER_MINIMUM, report.table(worst=30)
    assert mean(khmer_written) >= KHMER_MINIMUM, report.table(worst=30)


def test_every_group_of_queries_is_served(report):
    """No kind of query (typos, provinces, English for Khmer...) is left behind."""
    weak = {group: value for group, value in report.by_group.items() if value < KHMER_MINIMUM}

    assert not weak, report.table(worst=30)


def test_the_frozen_khmer_spelling_set_is_no_worse_than_when_it_was_frozen(frozen):
    """Only the figures are shown: the frozen set is not for tuning to (see relevance.py)."""
    fallen = {
        group: round(value, 3)
        for group, value in frozen.ndcg_by_group.items()
        if round(value, 3) < FROZEN_NDCG_FLOOR[group]
    }
    assert set(frozen.ndcg_by_group) == set(FROZEN_NDCG_FLOOR)
    assert not fallen, frozen.figures()
