"""Follow-ups of hires: counselors see what is due this week and record whether the person is
still employed; reminders reach the counselors of the youth's center once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.notifications.models import Notification, NotificationKind
from portal.placements import followups
from portal.placements.followups import FollowUpError, due_between, due_this_week, record
from portal.placements.models import ApplicationStatus

TODAY = date(2026, 11, 25)


@pytest.fixture
def center_a(make_center):
    return make_center(name="Phnom Penh center")


@pytest.fixture
def counselor_a(make_user, center_a):
    return make_user(Role.COUNSELOR, center_id=center_a.id)


def hire(make_application, make_youth, center, hired_on, **youth_fields):
    youth = make_youth(center_id=center.id, **youth_fields)
    return make_application(youth=youth, hired_on=hired_on)


def test_due_this_week_lists_overdue_and_coming_follow_ups_of_own_center(
    make_application, make_youth, make_center, center_a, counselor_a
):
    overdue = hire(make_application, make_youth, center_a, TODAY - timedelta(days=40))
    this_week = hire(make_application, make_youth, center_a, TODAY - timedelta(days=25))
    later = hire(make_application, make_youth, center_a, TODAY - timedelta(days=10))
    hire(make_application, make_youth, make_center(), TODAY - timedelta(days=40))  # center B

    due = due_this_week(counselor_a, TODAY)

    assert [(f.application_id, f.month) for f in due] == [
        (overdue.id, 1),
        (this_week.id, 1),
    ]
    assert later.id not in {f.application_id for f in due}


def test_recorded_follow_ups_and_undone_hires_leave_the_list(
    make_application, make_youth, center_a, counselor_a
):
    recorded = hire(make_application, make_youth, center_a, TODAY - timedelta(days=40))
    undone = hire(make_application, make_youth, center_a, TODAY - timedelta(days=40))
    record(recorded.follow_ups[0], still_employed=True, note="", by=counselor_a, day=TODAY)
    undone.status = ApplicationStatus.NOT_SELECTED
    db.session.commit()

    assert due_between(counselor_a, TODAY, TODAY + timedelta(days=6)) == []


def test_admin_sees_every_center_and_youth_elsewhere_are_not_shown(
    make_application, make_youth, make_center, make_user, center_a
):
    admin = make_user(Role.ADMIN)
    hire(make_application, make_youth, center_a, TODAY - timedelta(days=30))
    hire(make_application, make_youth, make_center(), TODAY - timedelta(days=30))

    assert len(due_this_week(admin, TODAY)) == 2


def test_record_keeps_answer_note_who_and_when_and_can_be_corrected(
    make_application, make_youth, make_user, center_a, counselor_a
):
    follow_up = hire(make_application, make_youth, center_a, TODAY - timedelta(days=31)).follow_ups[
        0
    ]

    record(follow_up, still_employed=False, note="  Moved to Thailand ", by=counselor_a, day=TODAY)
    assert (follow_up.still_employed, follow_up.note) == (False, "Moved to Thailand")
    assert follow_up.recorded_by == counselor_a and follow_up.recorded_at is not None

    colleague = make_user(Role.COUNSELOR, center_id=center_a.id)
    record(follow_up, still_employed=True, note="", by=colleague, day=TODAY)
    assert (follow_up.still_employed, follow_up.note) == (True, None)
    assert follow_up.recorded_by == colleague


def test_counselor_of_another_center_cannot_record(
    make_application, make_youth, make_user, make_center, center_a
):
    follow_up = hire(make_application, make_youth, center_a, TODAY - timedelta(days=31)).follow_ups[
        0
    ]
    stranger = make_user(Role.COUNSELOR, center_id=make_center().id)

    with pytest.raises(FollowUpError):
        record(follow_up, still_employed=True, note="", by=stranger, day=TODAY)
    assert follow_up.still_employed is None


def test_a_follow_up_cannot_be_recorded_before_it_is_due(
    make_application, make_youth, center_a, counselor_a
):
    follow_up = hire(make_application, make_youth, center_a, TODAY - timedelta(days=5)).follow_ups[
        0
    ]

    with pytest.raises(FollowUpError, match="due on"):
        record(follow_up, still_employed=True, note="", by=counselor_a, day=TODAY)


def test_reminders_reach_the_centers_counselors_once(
    app, runner, make_application, make_youth, make_user, make_center, center_a, counselor_a
):
    colleague = make_user(Role.COUNSELOR, center_id=center_a.id)
    other_center = make_user(Role.COUNSELOR, center_id=make_center().id)
    application = hire(
        make_application, make_youth, center_a, TODAY - timedelta(days=27), full_name="Dara Sok"
    )
    hire(make_application, make_youth, center_a, TODAY - timedelta(days=5))  # not due yet

    assert followups.remind(TODAY) == 2
    assert followups.remind(TODAY) == 0  # the dedupe key stops a second reminder
    db.session.commit()

    notes = db.session.scalars(select(Notification).order_by(Notification.user_id)).all()
    assert {n.user_id for n in notes} == {counselor_a.id, colleague.id}
    assert other_center.id not in {n.user_id for n in notes}
    first = notes[0]
    assert first.kind == NotificationKind.FOLLOW_UP_DUE
    assert first.params == {
        "youth_name": "Dara Sok",
        "month": 1,
        "due_on": application.follow_ups[0].due_on.isoformat(),
    }
    assert first.dedupe_key == f"follow_up:{application.follow_ups[0].id}"
    assert first.link == "/follow-ups"


def test_remind_command_prints_a_summary(
    runner, make_application, make_youth, center_a, counselor_a
):
    hire(make_application, make_youth, center_a, date.today() - timedelta(days=30))

    result = runner.invoke(args=["placements", "remind-follow-ups"])

    assert result.exit_code == 0, result.output
    assert "1" in result.output
    assert db.session.scalar(select(Notification.id)) is not None


# --- the page --------------------------------------------------------------------------------


@pytest.fixture
def counselor_client(login_as, center_a):
    return login_as(Role.COUNSELOR, center_id=center_a.id)


def test_the_page_lists_this_weeks_follow_ups_with_one_tap_answers(
    counselor_client, make_application, make_youth, center_a
):
    client, _user = counselor_client
    application = hire(
        make_application, make_youth, center_a, date.today() - timedelta(days=40), full_name="Dara"
    )
    hire(make_application, make_youth, center_a, date.today() - timedelta(days=5), full_name="Sok")

    page = client.get("/follow-ups").get_data(as_text=True)

    overdue, coming = page.split('id="overdue"')[1].split('id="coming"')
    assert "Dara" in overdue and "Sok" not in overdue
    assert "Late: was due on" in overdue
    follow_up = application.follow_ups[0]
    assert f'action="/follow-ups/{follow_up.id}"' in overdue
    assert 'value="yes"' in overdue and 'value="no"' in overdue
    assert "Sok" in coming and "1-month check" in coming  # hired 5 days ago: what comes next
    assert "<form" not in coming  # answered from the day it is due


def test_right_after_a_hire_the_page_says_what_is_coming(
    counselor_client, make_application, make_youth, center_a
):
    client, _user = counselor_client
    application = hire(make_application, make_youth, center_a, date.today(), full_name="Srey Mom")

    page = client.get("/follow-ups").get_data(as_text=True)

    coming = page.split('id="coming"')[1]
    opening = application.opening
    assert "Srey Mom" in coming and opening.title in coming
    assert opening.organization.name in coming  # where she works
    assert "Hired on" in coming and "1-month check" in coming and "3-month check" in coming


def test_recording_from_the_page_saves_and_the_row_leaves(
    counselor_client, make_application, make_youth, center_a
):
    client, user = counselor_client
    application = hire(make_application, make_youth, center_a, date.today() - timedelta(days=40))
    follow_up = application.follow_ups[0]

    response = client.post(
        f"/follow-ups/{follow_up.id}", data={"answer": "no", "note": "Went back to school"}
    )

    assert response.status_code == 302
    db.session.refresh(follow_up)
    assert (follow_up.still_employed, follow_up.note) == (False, "Went back to school")
    assert follow_up.recorded_by_id == user.id
    page = client.get("/follow-ups").get_data(as_text=True)
    assert "Saved for" in page
    assert f'action="/follow-ups/{follow_up.id}"' not in page


def test_a_missing_answer_gets_a_message_and_saves_nothing(
    counselor_client, make_application, make_youth, center_a
):
    client, _user = counselor_client
    follow_up = hire(
        make_application, make_youth, center_a, date.today() - timedelta(days=40)
    ).follow_ups[0]

    page = client.post(f"/follow-ups/{follow_up.id}", data={"note": "x"}, follow_redirects=True)

    assert "Choose “still employed” or “not employed”." in page.get_data(as_text=True)
    db.session.refresh(follow_up)
    assert follow_up.still_employed is None


def test_another_centers_follow_up_is_not_found(
    login_as, make_application, make_youth, make_center, center_a
):
    follow_up = hire(
        make_application, make_youth, center_a, date.today() - timedelta(days=40)
    ).follow_ups[0]
    client, _user = login_as(Role.COUNSELOR, center_id=make_center().id)

    page = client.get("/follow-ups").get_data(as_text=True)
    assert "Nothing is overdue." in page
    assert follow_up.application.youth.full_name not in page
    assert client.post(f"/follow-ups/{follow_up.id}", data={"answer": "yes"}).status_code == 404
    db.session.refresh(follow_up)
    assert follow_up.still_employed is None


@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.YOUTH])
def test_employers_and_youth_are_refused(login_as, make_application, make_youth, center_a, role):
    follow_up = hire(
        make_application, make_youth, center_a, date.today() - timedelta(days=40)
    ).follow_ups[0]
    client, _user = login_as(role)

    assert client.get("/follow-ups").status_code == 403
    assert client.post(f"/follow-ups/{follow_up.id}", data={"answer": "yes"}).status_code == 403
