"""Openings close by themselves after their closing date, and employers are reminded a week
before (`flask openings daily`, run by cron)."""

from datetime import date, timedelta

from sqlalchemy import func, select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.jobs.services import CLOSED_BY_DATE, close_expired, closing_reminders
from portal.notifications.models import Notification, NotificationKind

DAY = date(2030, 6, 10)


def _reminders(user) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification).where(
                Notification.user_id == user.id,
                Notification.kind == NotificationKind.CLOSING_REMINDER,
            )
        )
    )


def test_openings_past_their_closing_date_are_closed_by_nobody_with_a_reason(make_opening):
    past = make_opening(closing_date=DAY - timedelta(days=1))
    last_day = make_opening(closing_date=DAY)
    no_date = make_opening(closing_date=None)
    pending = make_opening(
        closing_date=DAY - timedelta(days=5), status=OpeningStatus.PENDING_REVIEW
    )

    assert close_expired(DAY) == 1
    db.session.commit()

    assert past.status == OpeningStatus.CLOSED
    change = past.status_changes[-1]
    assert change.changed_by_id is None and change.reason == CLOSED_BY_DATE
    assert last_day.status == no_date.status == OpeningStatus.PUBLISHED
    assert pending.status == OpeningStatus.PENDING_REVIEW


def test_members_are_reminded_once_of_openings_closing_within_seven_days(
    make_user, make_org, make_opening
):
    organization = make_org()
    first = make_user(Role.EMPLOYER, organization_id=organization.id)
    second = make_user(Role.EMPLOYER, organization_id=organization.id)
    soon = make_opening(organization=organization, title="Waiter", closing_date=DAY + timedelta(7))
    make_opening(organization=organization, closing_date=DAY + timedelta(days=8))
    make_opening(organization=organization, closing_date=None)

    assert closing_reminders(DAY) == 2
    assert closing_reminders(DAY) == 0  # made once per opening and member
    db.session.commit()

    for member in (first, second):
        [note] = _reminders(member)
        assert note.params == {"opening_title": "Waiter", "closing_date": "2030-06-17"}
        assert note.link == f"/openings/{soon.id}"


def test_no_reminder_for_an_unverified_organization_or_an_opening_not_public(
    make_user, make_org, make_opening
):
    unverified = make_org(verified=False)
    member = make_user(Role.EMPLOYER, organization_id=unverified.id)
    make_opening(organization=unverified, closing_date=DAY + timedelta(days=2))
    verified = make_org()
    other = make_user(Role.EMPLOYER, organization_id=verified.id)
    make_opening(
        organization=verified,
        closing_date=DAY + timedelta(days=2),
        status=OpeningStatus.PENDING_REVIEW,
    )

    assert closing_reminders(DAY) == 0
    assert _reminders(member) == [] and _reminders(other) == []


def test_the_daily_command_closes_and_reminds_and_prints_counts(runner, make_user, make_opening):
    employer = make_user(Role.EMPLOYER)
    make_opening(organization=employer.organization, closing_date=DAY - timedelta(days=3))
    make_opening(organization=employer.organization, closing_date=DAY + timedelta(days=3))

    result = runner.invoke(args=["openings", "daily", "--day", DAY.isoformat()])

    assert result.exit_code == 0, result.output
    assert "1 opening(s) closed (closing date passed), 1 reminder(s) made." in result.output
    closed = db.session.scalar(select(func.count()).where(Notification.user_id == employer.id))
    assert closed == 1


def test_close_expired_and_remind_commands_run_alone(runner, make_user, make_opening):
    employer = make_user(Role.EMPLOYER)
    make_opening(organization=employer.organization, closing_date=DAY - timedelta(days=3))
    make_opening(organization=employer.organization, closing_date=DAY + timedelta(days=3))

    closed = runner.invoke(args=["openings", "close-expired", "--day", DAY.isoformat()])
    reminded = runner.invoke(args=["openings", "remind", "--day", DAY.isoformat()])

    assert "1 opening(s) closed" in closed.output
    assert "1 reminder(s) made." in reminded.output


def test_the_dashboard_says_how_many_days_are_left(login_as, make_opening):
    client, employer = login_as(Role.EMPLOYER)
    today = date.today()
    make_opening(
        organization=employer.organization, title="Soon", closing_date=today + timedelta(3)
    )
    make_opening(organization=employer.organization, title="Today", closing_date=today)
    make_opening(
        organization=employer.organization, title="Later", closing_date=today + timedelta(9)
    )

    html = client.get("/employer").get_data(as_text=True)

    assert "Closes in 3 days" in html
    assert "Closes today" in html
    assert "Closes in 9 days" not in html
