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
    RelevanceReport,
    load_openings,
    portal_search,
    precision_at_10,
    read_queries,
)

OVERALL_MINIMUM = 0.90
KHMER_MINIMUM = 0.80
KHMER = re.compile(r"[\u1780-\u17ff]")


@pytest.fixture(scope="module")
def report(app) -> RelevanceReport:
    """Load the fixture and run every labelled query once for all the tests of this file."""
    with app.app_context():
        ids = load_openings()
        try:
            return precision_at_10(portal_search, read_queries(), {v: k for k, v in ids.items()})
        finally:
            _empty_the_database(app)


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
