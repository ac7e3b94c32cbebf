"""Placement figures by gender (placements/reports.py), hand-built numbers for a center or all and
a range of days. Their page and CSV became the indicators (tests/indicators)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from portal.auth.models import Role
from portal.extensions import db
from portal.placements.models import ApplicationSource, ApplicationStatus
from portal.placements.reports import Scope, placement_figures, scope_for
from portal.youth.models import Gender

TODAY = date(2026, 11, 25)
F, M, X = Gender.FEMALE, Gender.MALE, Gender.OTHER  # X: other or not said


@pytest.fixture
def centers(make_center):
    return make_center(name="Kampot center"), make_center(name="Siem Reap center")


@pytest.fixture
def numbers(centers, make_application, make_youth):
    """Center A: referred F, M (March); applied X (April), F (December 2025); hires (each
    applied 10 days before): F (January, employed at 1 and 3 months), M (February, employed at
    1, not at 3), F (November: its 1-month check is not due on TODAY), M (March, taken back).
    Center B: one hire (F, January) employed at 1 month."""
    a, b = centers

    def youth(center, gender):
        return make_youth(center_id=center.id, gender=gender)

    def started(center, gender, source, day):
        return make_application(
            youth=youth(center, gender),
            source=source,
            created_at=datetime.combine(day, datetime.min.time()),
        )

    started(a, F, ApplicationSource.REFERRED, date(2026, 3, 2))
    started(a, M, ApplicationSource.REFERRED, date(2026, 3, 9))
    started(a, X, ApplicationSource.APPLIED, date(2026, 4, 1))
    started(a, F, ApplicationSource.APPLIED, date(2025, 12, 1))  # before the range used below

    def hired(center, gender, day, month_1=None, month_3=None):
        application = make_application(
            youth=youth(center, gender),
            hired_on=day,
            created_at=datetime.combine(day - timedelta(days=10), datetime.min.time()),
        )
        one, three = application.follow_ups
        one.still_employed, three.still_employed = month_1, month_3
        db.session.commit()
        return application

    hired(a, F, date(2026, 1, 10), month_1=True, month_3=True)
    hired(a, M, date(2026, 2, 10), month_1=True, month_3=False)
    hired(a, F, date(2026, 11, 1))  # 1-month check due 1 December: not due on TODAY
    hired(b, F, date(2026, 1, 20), month_1=True)
    undone = hired(a, M, date(2026, 3, 1), month_1=True)
    undone.status = ApplicationStatus.NOT_SELECTED  # a hire taken back does not count
    db.session.commit()


def table(rows):
    return {row.key: (row.counts[F], row.counts[M], row.counts[X], row.total) for row in rows}


def test_one_center_all_time(centers, numbers):
    rows = placement_figures(Scope(center_id=centers[0].id), today=TODAY)

    assert table(rows) == {
        "referred": (1, 1, 0, 2),
        "applied": (3, 2, 1, 6),  # the hires applied too
        "hired": (2, 1, 0, 3),
        "due_1": (1, 1, 0, 2),
        "employed_1": (1, 1, 0, 2),
        "due_3": (1, 1, 0, 2),
        "employed_3": (1, 0, 0, 1),
    }


def test_every_center_and_a_range_of_days(centers, numbers):
    rows = placement_figures(Scope(start=date(2026, 1, 1), end=date(2026, 6, 30)), today=TODAY)

    assert table(rows) == {
        "referred": (1, 1, 0, 2),
        "applied": (1, 2, 1, 4),  # not those of December 2025 and October
        "hired": (2, 1, 0, 3),  # A's January and February, B's January
        "due_1": (2, 1, 0, 3),
        "employed_1": (2, 1, 0, 3),
        "due_3": (2, 1, 0, 3),  # due by the end of June
        "employed_3": (1, 0, 0, 1),
    }


def test_follow_ups_count_only_once_due_by_the_end_of_the_range(centers, numbers):
    rows = placement_figures(Scope(center_id=centers[0].id, end=date(2026, 3, 31)), today=TODAY)

    figures = table(rows)
    assert figures["hired"] == (1, 1, 0, 2)
    assert figures["due_3"] == (0, 0, 0, 0)  # 3-month checks fall in April and May
    assert figures["employed_1"] == (1, 1, 0, 2)


def test_a_counselor_always_gets_their_own_center(centers, make_user):
    counselor = make_user(Role.COUNSELOR, center_id=centers[0].id)
    admin = make_user(Role.ADMIN, center_id=centers[0].id)

    assert scope_for(counselor, centers[1].id, None, None).center_id == centers[0].id
    assert scope_for(admin, centers[1].id, None, None).center_id == centers[1].id
    assert scope_for(admin, None, None, None).center_id is None
