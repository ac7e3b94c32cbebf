"""Placement figures for donors: hand-built numbers, split by gender, for a center or all,
for a range of days; the page, its CSV, and who may see which center."""

from __future__ import annotations

import csv
import io
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


def test_the_page_shows_the_table_by_gender(centers, numbers, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=centers[0].id)

    response = client.get("/placements/figures")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Kampot center" in page
    row = page.split('id="figure-hired"')[1].split("</tr>")[0]
    assert '<td class="female">2</td>' in row and '<td class="total">3</td>' in row


def test_a_counselor_asking_for_another_center_still_sees_their_own(centers, numbers, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=centers[1].id)

    response = client.get(f"/placements/figures?center={centers[0].id}")

    row = response.get_data(as_text=True).split('id="figure-hired"')[1].split("</tr>")[0]
    assert '<td class="total">1</td>' in row  # Siem Reap's one hire, not Kampot's three


def test_the_csv_is_the_same_table(centers, numbers, login_as):
    client, _user = login_as(Role.ADMIN)

    response = client.get(f"/placements/figures.csv?center={centers[0].id}&start=2026-01-01")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert lines[0] == ["Figure", "Female", "Male", "Other or not said", "Total"]
    assert ["Hired", "2", "1", "0", "3"] in lines
    assert ["Still employed at 3 months", "1", "0", "0", "1"] in lines


def test_wrong_dates_get_a_message_not_a_table(login_as):
    client, _user = login_as(Role.ADMIN)

    response = client.get("/placements/figures?start=2026-05-01&end=2026-04-01")

    assert response.status_code == 400
    assert "The end must be on or after the start." in response.get_data(as_text=True)
    assert client.get("/placements/figures.csv?start=tomorrow").status_code == 302


@pytest.mark.parametrize("url", ["/placements/figures", "/placements/figures.csv"])
@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.YOUTH])
def test_employers_and_youth_are_refused(login_as, url, role):
    client, _user = login_as(role)
    assert client.get(url).status_code == 403
