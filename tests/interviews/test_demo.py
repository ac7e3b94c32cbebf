"""The demo's interviews: held between the interview step and the next one; those still to come
are left for the reminder."""

from __future__ import annotations

from datetime import datetime, timedelta

from portal.interviews.demo import demo_interviews
from portal.placements.models import ApplicationStatus, ApplicationStatusChange

S = ApplicationStatus
INVITED = datetime(2026, 11, 2, 3, 0)


def steps(application, *moves) -> None:
    application.status_changes = [
        ApplicationStatusChange(to_status=status, changed_at=at) for status, at in moves
    ]
    application.status = moves[-1][0]


def test_a_hire_comes_after_its_interview_and_a_waiting_one_is_to_come(make_application):
    hired, waiting, refused = make_application(), make_application(), make_application()
    steps(hired, (S.SHORTLISTED, INVITED - timedelta(days=3)), (S.INTERVIEW, INVITED),
          (S.HIRED, INVITED + timedelta(days=1)))  # fmt: skip
    steps(waiting, (S.SHORTLISTED, INVITED), (S.INTERVIEW, INVITED + timedelta(days=30)))
    steps(refused, (S.NOT_SELECTED, INVITED))
    now = INVITED + timedelta(days=30, hours=1)

    held, to_come = demo_interviews([hired, waiting, refused], now)

    assert held.application is hired and to_come.application is waiting
    assert INVITED < held.starts_at < INVITED + timedelta(days=1)
    assert held.reminded_at is not None
    assert to_come.starts_at > now and to_come.reminded_at is None
    assert to_come.place == waiting.opening.organization.name
