"""An application with no move for 60 days closes by itself, after a warning at 53 days, both
on her channels, with a reason she can read; `flask applications expire` for cron, with a dry
run. Moments are explicit (`now`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from portal.extensions import db
from portal.interviews.expiry import expire
from portal.interviews.models import ExpiryWarning
from portal.interviews.services import Plan, schedule
from portal.notifications.models import Notification, NotificationDelivery, NotificationKind
from portal.notifications.texts import describe
from portal.placements.models import ApplicationStatus
from portal.placements.services import move

MOVED = datetime(2031, 1, 1, 3, 0)  # her application's last step
DAY = timedelta(days=1)


def expiry_notes(user) -> list[Notification]:
    query = select(Notification).where(
        Notification.user_id == user.id, Notification.kind == NotificationKind.APPLICATION_EXPIRY
    )
    return list(db.session.scalars(query.order_by(Notification.id)))


def test_warned_at_53_days_closed_at_60_and_never_twice(shortlist, client_of):
    s = shortlist(changed_at=MOVED)
    s.application.created_at = MOVED

    assert expire(MOVED + 52 * DAY).warned == []
    warned = expire(MOVED + 53 * DAY)
    again = expire(MOVED + 53 * DAY + timedelta(hours=5))
    db.session.commit()

    assert warned.warned == [s.application.id] and again.warned == again.closed == []
    [warning] = expiry_notes(s.youth_user)
    text = describe(warning, "en")
    assert text.title == "Your application will close soon"
    assert "“Cook”: no news for 7 weeks. It closes on 2 Mar if nothing happens." in text.line

    closed = expire(MOVED + 60 * DAY)
    assert expire(MOVED + 61 * DAY).closed == []
    db.session.commit()

    assert closed.closed == [s.application.id]
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.NOT_SELECTED
    last = s.application.status_changes[-1]
    assert (last.reason_code, last.changed_by_id) == ("expired", None)
    _, closing = expiry_notes(s.youth_user)
    assert describe(closing, "en").title == "Your application was closed"
    assert "It is not about you" in describe(closing, "en").line
    her_page = client_of(s.youth_user).get("/me/applications").get_data(as_text=True)
    assert "No news for 60 days, so Phlov closed it. It is not about you." in her_page


def test_an_old_application_is_warned_first_never_closed_at_once(shortlist):
    s = shortlist(changed_at=MOVED)
    s.application.created_at = MOVED

    first = expire(MOVED + 200 * DAY)
    too_soon = expire(MOVED + 203 * DAY)
    week_later = expire(MOVED + 207 * DAY)

    assert (first.warned, first.closed) == ([s.application.id], [])
    assert too_soon.closed == []
    assert week_later.closed == [s.application.id]


def test_a_move_or_an_interview_to_come_restarts_the_count(shortlist):
    s = shortlist(changed_at=MOVED)
    s.application.created_at = MOVED
    expire(MOVED + 53 * DAY)  # warned
    plan = Plan(MOVED + 70 * DAY, "Hotel Sokha")
    schedule(s.application, plan, by=s.employer, now=MOVED + 55 * DAY)

    assert expire(MOVED + 60 * DAY).closed == []
    assert expire(MOVED + 100 * DAY).warned == []  # 45 days after the interview
    done = expire(MOVED + 123 * DAY)  # 53 days after it: warned again, not closed
    assert (done.warned, done.closed) == ([s.application.id], [])


def test_hired_and_ended_applications_are_left_alone(shortlist):
    hired = shortlist(changed_at=MOVED)
    hired.application.created_at = MOVED
    move(hired.application, ApplicationStatus.INTERVIEW, by=hired.employer)
    move(hired.application, ApplicationStatus.HIRED, by=hired.employer)
    for change in hired.application.status_changes:
        change.changed_at = MOVED
    db.session.commit()

    assert expire(MOVED + 300 * DAY).warned == []


def test_the_warning_and_the_closing_reach_her_phone(shortlist):
    s = shortlist(changed_at=MOVED, email=None, phone="012345670")
    s.application.created_at = MOVED
    s.youth_user.phone_confirmed_at = MOVED
    expire(MOVED + 53 * DAY)
    expire(MOVED + 60 * DAY)

    for note in expiry_notes(s.youth_user):
        channels = db.session.scalars(
            select(NotificationDelivery.channel).where(
                NotificationDelivery.notification_id == note.id
            )
        ).all()
        assert channels == ["sms"]
    assert len(expiry_notes(s.youth_user)) == 2


def test_the_cron_command_and_its_dry_run(shortlist, runner):
    s = shortlist(changed_at=MOVED)
    s.application.created_at = MOVED
    db.session.commit()
    at = (MOVED + 53 * DAY).isoformat(timespec="minutes")

    dry = runner.invoke(args=["applications", "expire", "--dry-run", "--now", at])
    assert dry.exit_code == 0
    assert "Dry run: 1 would be warned, 0 closed." in dry.output
    assert f"warn: application(s) {s.application.id}" in dry.output
    assert db.session.scalars(select(ExpiryWarning)).all() == []
    assert expiry_notes(s.youth_user) == []

    real = runner.invoke(args=["applications", "expire", "--now", at])
    twice = runner.invoke(args=["applications", "expire", "--now", at])
    assert "1 application(s) warned, 0 closed." in real.output
    assert "0 application(s) warned, 0 closed." in twice.output
    assert runner.invoke(args=["applications", "expire", "--now", "soon"]).exit_code != 0
