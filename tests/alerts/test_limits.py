"""The limits of job alerts, as a young woman who sews would notice them: one message a day (or a
week) with the new openings that fit her, never the same one twice, none she applied to or said
is not for her, a few at most, nothing made at night."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.alerts.models import AlertFrequency, AlertSetting, SentAlert
from portal.alerts.run import send_digests
from portal.alerts.services import choose
from portal.extensions import db
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.outbox import message_for
from portal.placements.services import dismiss_opening
from tests.alerts.conftest import MORNING


def digests(user) -> list[Notification]:
    query = select(Notification).where(
        Notification.user_id == user.id, Notification.kind == NotificationKind.NEW_SUGGESTIONS
    )
    return list(db.session.scalars(query.order_by(Notification.id)))


def test_a_new_sewing_job_reaches_the_young_woman_who_sews_in_one_message(sewer, publish):
    sewing = publish("Sewing machine operator")
    cook = publish("Cook", skills=("cooking",))

    report = send_digests(MORNING)

    [digest] = digests(sewer)
    assert digest.params["opening_ids"] == [sewing.id]
    assert cook.id not in digest.params["opening_ids"]  # fits nothing of hers
    assert digest.params["titles"] == ["Sewing machine operator"]
    assert digest.link == f"/me/alerts/{MORNING.date().isoformat()}"
    subject, body = message_for(digest)
    assert subject == "New openings for you"
    assert "1 new opening for you: Sewing machine operator" in body
    assert digest.link in body
    assert "Stop these alerts: " in body and digest.params["unsubscribe"] in body
    assert [d.channel for d in digest.deliveries] == ["email"]
    assert report.digests == 1 and report.openings_listed == 1


def test_the_same_opening_is_never_sent_twice(sewer, publish):
    first = publish()
    send_digests(MORNING)
    second = publish("Garment sewer")

    send_digests(MORNING + timedelta(days=1))

    assert [d.params["opening_ids"] for d in digests(sewer)] == [[first.id], [second.id]]
    send_digests(MORNING + timedelta(days=2))  # nothing new since: no empty message
    assert len(digests(sewer)) == 2


def test_nothing_she_applied_to_or_said_is_not_for_her(sewer, publish, make_application):
    applied, dismissed, fresh = publish(), publish("Garment sewer"), publish("Tailor")
    make_application(opening=applied, youth=sewer.youth_profile)
    dismiss_opening(sewer.youth_profile, dismissed)
    db.session.commit()

    send_digests(MORNING)

    [digest] = digests(sewer)
    assert digest.params["opening_ids"] == [fresh.id]


def test_at_most_five_openings_a_message_unless_she_chose_another_number(sewer, publish):
    openings = [publish(f"Sewing machine operator {n}") for n in range(8)]

    send_digests(MORNING)

    [digest] = digests(sewer)
    assert len(digest.params["opening_ids"]) == 5
    assert "5 new openings for you: " in message_for(digest)[1]
    choose(sewer, AlertFrequency.DAILY, 3)  # as on her settings page
    db.session.commit()
    send_digests(MORNING + timedelta(days=1))  # the other three, the next day, never the five
    later = digests(sewer)[1].params["opening_ids"]
    assert len(later) == 3
    assert set(later) | set(digest.params["opening_ids"]) == {o.id for o in openings}


def test_the_best_fitting_opening_comes_first(sewer, publish):
    far = publish("Sewing machine operator", province_code="17")  # Siem Reap
    near = publish("Sewing machine operator", province_code="12")  # her Phnom Penh

    send_digests(MORNING)

    assert digests(sewer)[0].params["opening_ids"] == [near.id, far.id]


def test_no_digest_is_made_in_quiet_hours_in_cambodia(sewer, publish):
    publish()
    at_night = MORNING.replace(hour=15)  # 22:00 in Cambodia
    early = MORNING.replace(hour=23) - timedelta(days=1)  # 06:00 in Cambodia

    assert send_digests(at_night).quiet and send_digests(early).quiet
    assert digests(sewer) == []
    assert not send_digests(MORNING.replace(hour=0)).quiet  # 07:00
    assert len(digests(sewer)) == 1


def test_daily_means_one_a_day_and_weekly_one_a_week(sewer, publish, make_user):
    weekly = make_user("youth")
    weekly.youth_profile.skills = ["sewing"]
    db.session.add(AlertSetting(user_id=weekly.id, frequency=AlertFrequency.WEEKLY))
    publish()
    send_digests(MORNING)
    assert len(digests(sewer)) == 1 and len(digests(weekly)) == 1

    for day in range(1, 8):
        publish(f"Sewing job of day {day}", at=MORNING + timedelta(days=day, hours=-1))
        send_digests(MORNING + timedelta(days=day))
        send_digests(MORNING + timedelta(days=day, hours=5))  # a second run the same day

    assert len(digests(sewer)) == 8  # one a day
    weekly_digests = digests(weekly)
    assert len(weekly_digests) == 2  # the first day and seven days later
    assert len(weekly_digests[1].params["opening_ids"]) == 5  # the week's news, at most five


def test_no_digest_for_her_who_stopped_alerts_here_or_in_her_notification_settings(
    sewer, publish, make_user
):
    other = make_user("youth")
    other.youth_profile.skills = ["sewing"]
    other.notification_settings = {"new_suggestions": []}
    db.session.add(AlertSetting(user_id=sewer.id, frequency=AlertFrequency.OFF))
    db.session.commit()
    publish()

    send_digests(MORNING)

    assert digests(sewer) == [] and digests(other) == []


def test_a_minor_never_gets_hazardous_work_even_from_an_alert(make_user, publish):
    minor = make_user("youth")
    minor.youth_profile.skills = ["welding"]
    minor.youth_profile.date_of_birth = MORNING.date().replace(year=MORNING.year - 16)
    db.session.commit()
    publish("Welder", skills=("welding",), hazardous=True, min_age=18)

    send_digests(MORNING)

    assert digests(minor) == []
    assert db.session.scalars(select(SentAlert)).all() == []
