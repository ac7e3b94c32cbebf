"""The day before her interview she is reminded, once, on the channels she uses: proved through
the fake Telegram Bot API and the fake SMS gateway (tests/fakes), with explicit moments."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.interviews.reminders import remind
from portal.interviews.services import Plan, schedule
from portal.notifications.models import Notification, NotificationDelivery, NotificationKind
from portal.notifications.texts import describe
from tests.telegram.conftest import CHAT_ID

# Set on Monday 1 December 2031; the interview is on Wednesday 10 December, 09:00 in Cambodia.
SET_AT = datetime(2031, 12, 1, 3, 0)
STARTS_AT = datetime(2031, 12, 10, 2, 0)
DAY_BEFORE_5PM = datetime(2031, 12, 9, 10, 0)  # 17:00 in Cambodia
PLAN = Plan(STARTS_AT, "Hotel Sokha, 2nd floor", None, "Ms Dara", "ID card")


def interview_notes(user) -> list[Notification]:
    query = select(Notification).where(
        Notification.user_id == user.id, Notification.kind == NotificationKind.INTERVIEW
    )
    return list(db.session.scalars(query.order_by(Notification.id)))


def send_outbox(runner) -> str:
    result = runner.invoke(args=["notify", "send"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return result.output


def test_she_is_reminded_the_day_before_once(shortlist):
    s = shortlist()
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)
    db.session.commit()

    first = remind(DAY_BEFORE_5PM)
    again = remind(DAY_BEFORE_5PM + timedelta(hours=1))
    db.session.commit()

    assert (first.told, again.told) == (1, 0)
    invited, reminder = interview_notes(s.youth_user)
    text = describe(reminder, "en")
    assert text.title == "Interview tomorrow, 09:00"
    assert text.line.startswith("Wed 10 Dec, 09:00: “Cook” at Hotel Sokha.")
    assert "Place: Hotel Sokha, 2nd floor." in text.line and "Bring: ID card." in text.line


def test_nothing_is_sent_at_night_and_a_missed_evening_is_caught_up_in_the_morning(shortlist):
    s = shortlist()
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)

    night = remind(datetime(2031, 12, 9, 15, 0))  # 22:00 in Cambodia
    morning = remind(datetime(2031, 12, 10, 0, 30))  # 07:30, before the interview
    db.session.commit()

    assert night.quiet and night.told == 0
    assert morning.told == 1
    assert describe(interview_notes(s.youth_user)[-1], "en").title == "Interview today, 09:00"


def test_an_interview_set_today_is_not_reminded_and_a_moved_one_is_reminded_anew(shortlist):
    s = shortlist()
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)
    assert remind(DAY_BEFORE_5PM).told == 1
    moved = Plan(datetime(2031, 12, 12, 2, 0), "Hotel Sokha, 3rd floor")
    schedule(s.application, moved, by=s.employer, now=datetime(2031, 12, 9, 11, 0))

    assert remind(datetime(2031, 12, 9, 12, 0)).told == 0  # nothing due
    assert remind(datetime(2031, 12, 11, 10, 0)).told == 1  # the new date, the day before
    assert remind(datetime(2031, 12, 11, 11, 0)).told == 0


def test_the_cron_command_says_what_it_did_and_never_twice(shortlist, runner):
    s = shortlist()
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)
    db.session.commit()

    first = runner.invoke(args=["interviews", "remind", "--now", "2031-12-09T10:00"])
    second = runner.invoke(args=["interviews", "remind", "--now", "2031-12-09T11:00"])
    night = runner.invoke(args=["interviews", "remind", "--now", "2031-12-09T16:00"])

    assert first.exit_code == 0 and "1 interview reminder(s) made." in first.output
    assert "0 interview reminder(s) made." in second.output
    assert "Quiet hours" in night.output
    assert len(interview_notes(s.youth_user)) == 2


def test_she_switched_interviews_off_and_is_not_told(shortlist):
    s = shortlist()
    s.youth_user.notification_settings = {"interview": []}
    db.session.commit()
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)

    done = remind(DAY_BEFORE_5PM)

    assert (done.told, done.unreachable) == (0, 1)
    assert interview_notes(s.youth_user) == []


def test_on_telegram_the_invitation_and_one_reminder_arrive(
    app, runner, shortlist, telegram, linked_youth
):
    _client, user = linked_youth
    s = shortlist(youth_user=user)
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)
    db.session.commit()
    send_outbox(runner)

    remind(DAY_BEFORE_5PM)
    db.session.commit()
    send_outbox(runner)
    remind(DAY_BEFORE_5PM + timedelta(hours=2))
    db.session.commit()
    send_outbox(runner)

    invitation, reminder = telegram.messages_to(CHAT_ID)
    assert invitation["text"].startswith(
        "Interview: Wed 10 Dec, 09:00\nWed 10 Dec, 09:00: “Cook” at Hotel Sokha."
    )
    assert reminder["text"].startswith("Interview tomorrow, 09:00\nWed 10 Dec, 09:00: ")
    assert "Ask for: Ms Dara." in reminder["text"]
    assert telegram.button(reminder, "Open in Phlov")["url"].endswith(
        f"/me/applications#application-{s.application.id}"
    )


@pytest.mark.parametrize("locale", ["km", "en"])
def test_by_sms_to_a_confirmed_phone_once_with_the_date_in_her_digits(
    runner, shortlist, sms_gateway, locale
):
    s = shortlist(locale=locale, email=None, phone="012345678")
    s.youth_user.phone_confirmed_at = SET_AT
    db.session.commit()
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)
    db.session.commit()
    send_outbox(runner)
    remind(DAY_BEFORE_5PM)
    remind(DAY_BEFORE_5PM + timedelta(hours=1))
    db.session.commit()
    send_outbox(runner)

    invitation, reminder = [message["text"] for message in sms_gateway.messages]
    assert [m["to"] for m in sms_gateway.messages] == ["+85512345678"] * 2
    if locale == "km":
        assert "០៩:០០" in invitation and "០៩:០០" in reminder  # whatever part fits
        assert "09:00" not in invitation + reminder
    else:
        assert "Wed 10 Dec, 09:00: " in invitation
        assert "Wed 10 Dec, 09:00" in reminder


def test_no_sms_to_a_phone_she_has_not_confirmed(shortlist):
    s = shortlist(email=None, phone="012345679")
    schedule(s.application, PLAN, by=s.employer, now=SET_AT)

    [note] = interview_notes(s.youth_user)
    channels = db.session.scalars(
        select(NotificationDelivery.channel).where(NotificationDelivery.notification_id == note.id)
    ).all()
    assert channels == []  # in Phlov only: her phone may be someone else's
    assert note.read_at is None
