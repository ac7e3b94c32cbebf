"""`flask alerts send` from cron: says what it did, makes nothing more when run twice the same
day, and nothing at all in quiet hours."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal.alerts.models import SentAlert
from portal.extensions import db
from portal.notifications.models import Notification, NotificationDelivery
from tests.alerts.conftest import MORNING


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _run(runner, at):
    result = runner.invoke(args=["alerts", "send", "--now", at.strftime("%Y-%m-%dT%H:%M")])
    assert result.exit_code == 0, result.output
    return result.output


def test_running_it_twice_the_same_day_sends_nothing_more(runner, sewer, publish, make_user):
    cook = make_user("youth")
    cook.youth_profile.skills = ["cooking"]
    publish()
    publish("Cook", skills=("cooking",))

    first = _run(runner, MORNING)
    second = _run(runner, MORNING + timedelta(hours=6))

    assert "2 young people due, 0 already had this period's digest" in first
    assert "2 digests made, listing 2 openings; 0 had nothing new for them" in first
    assert "0 young people due, 2 already had this period's digest" in second
    assert "0 digests made" in second
    assert (_count(Notification), _count(NotificationDelivery), _count(SentAlert)) == (2, 2, 2)


def test_in_quiet_hours_it_says_so_and_makes_nothing(runner, sewer, publish):
    publish()

    output = _run(runner, MORNING.replace(hour=16))  # 23:00 in Cambodia

    assert "23:00 in Cambodia: quiet hours (21:00-07:00), no digest made" in output
    assert _count(Notification) == 0


def test_it_says_who_had_nothing_new(runner, sewer):
    output = _run(runner, MORNING)

    assert "New openings looked at: 0 daily" in output
    assert "0 digests made, listing 0 openings; 1 had nothing new for them" in output


def test_two_processes_choose_what_one_does(runner, sewer, publish, make_user, monkeypatch):
    from portal.alerts import run

    for n in range(3):
        other = make_user("youth")
        other.youth_profile.skills = ["sewing"]
        publish(f"Sewing machine operator {n}")
    monkeypatch.setattr(run, "FORK_FROM", 0)  # fork even for four people

    forked = run.send_digests(MORNING, processes=2)

    assert (forked.digests, forked.openings_listed) == (4, 12)
    lists = db.session.scalars(select(Notification.params)).all()
    assert all(len(params["opening_ids"]) == 3 for params in lists)
