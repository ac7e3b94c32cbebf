"""The employer and the counselor see the day's interviews (person, opening, time, place) on
their dashboards and on a day page; "did not come" is one tap, and she reads it kindly."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.extensions import db, utcnow
from portal.i18n import local_day_start
from portal.interviews.models import Interview
from portal.interviews.queries import cambodian_today
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe
from portal.placements.models import ApplicationStatus


def interview_today(s, hour: int = 9, place: str = "Hotel Sokha, 2nd floor") -> Interview:
    """Her interview at `hour`:00 today in Cambodia (arranged directly: it may have begun)."""
    s.application.status = ApplicationStatus.INTERVIEW
    interview = Interview(
        application=s.application,
        starts_at=local_day_start(cambodian_today()) + timedelta(hours=hour),
        place=place,
        ask_for="Ms Dara",
        created_by_id=s.employer.id,
        created_at=utcnow() - timedelta(days=3),
    )
    db.session.add(interview)
    db.session.commit()
    return interview


def test_each_sees_the_day_of_their_own_interviews(shortlist, client_of):
    ours, theirs = shortlist(), shortlist(employer_name="Garment Co")
    interview_today(ours, 9, "Hotel Sokha, 2nd floor")
    interview_today(theirs, 14, "Garment factory gate 3")

    dashboard = client_of(ours.employer).get("/employer").get_data(as_text=True)
    caseload = client_of(ours.counselor).get("/caseload").get_data(as_text=True)
    day_page = client_of(ours.employer).get("/interviews").get_data(as_text=True)

    for page in (dashboard, caseload, day_page):
        assert "Today&#39;s interviews" in page or "Today's interviews" in page
        assert ours.youth.full_name in page and "Hotel Sokha, 2nd floor" in page
        assert ">09:00<" in page
        assert "Garment factory gate 3" not in page and theirs.youth.full_name not in page


def test_other_days_are_one_tap_away(shortlist, client_of):
    s = shortlist()
    interview = interview_today(s)
    interview.starts_at += timedelta(days=1)
    db.session.commit()
    employer = client_of(s.employer)

    today = employer.get("/interviews").get_data(as_text=True)
    tomorrow_day = (cambodian_today() + timedelta(days=1)).isoformat()
    tomorrow = employer.get(f"/interviews?day={tomorrow_day}").get_data(as_text=True)

    assert "No interview on this day." in today
    assert f'href="/interviews?day={tomorrow_day}"' in today
    assert s.youth.full_name in tomorrow
    assert employer.get("/interviews?day=9999-12-31").status_code == 200  # read as today
    assert employer.get("/interviews?day=not-a-day").status_code == 200


def test_did_not_come_in_one_tap_and_she_reads_it_kindly(shortlist, client_of):
    s = shortlist()
    interview_today(s)
    employer = client_of(s.employer)
    page = employer.get("/interviews").get_data(as_text=True)
    assert f'action="/applications/{s.application.id}/interview/no-show"' in page

    response = employer.post(
        f"/applications/{s.application.id}/interview/no-show", data={"next": "/interviews"}
    )

    assert response.headers["Location"] == "/interviews"
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.NOT_SELECTED
    assert s.application.status_changes[-1].reason_code == "no_show"
    assert s.application.status_changes[-1].changed_by_id == s.employer.id
    employer_view = employer.get(f"/employer/applications/{s.application.id}")
    assert "Did not come to the interview" in employer_view.get_data(as_text=True)
    her_page = client_of(s.youth_user).get("/me/applications").get_data(as_text=True)
    assert "If something stopped you, tell your counselor: they can help." in her_page
    assert "Did not come to the interview" not in her_page
    note = db.session.scalar(
        select(Notification).where(
            Notification.user_id == s.youth_user.id,
            Notification.kind == NotificationKind.STATUS_CHANGE,
        )
    )
    assert "If something stopped you, tell your counselor" in describe(note, "en").line


def test_her_counselor_can_say_it_too_but_not_before_the_day(shortlist, client_of):
    s = shortlist()
    interview = interview_today(s)
    interview.starts_at += timedelta(days=2)
    db.session.commit()
    counselor = client_of(s.counselor)
    page = counselor.get(f"/caseload/applications/{s.application.id}").get_data(as_text=True)
    assert "/interview/no-show" not in page  # no button before the day

    early = counselor.post(f"/applications/{s.application.id}/interview/no-show")
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.INTERVIEW
    assert "You can say the person did not come after that" in counselor.get(
        early.headers["Location"]
    ).get_data(as_text=True)

    interview.starts_at -= timedelta(days=2)
    db.session.commit()
    counselor.post(f"/applications/{s.application.id}/interview/no-show")
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.NOT_SELECTED


def test_the_referring_counselor_reads_it_plainly(shortlist, client_of):
    s = shortlist()
    s.application.referred_by_id = s.counselor.id
    interview_today(s)

    client_of(s.employer).post(f"/applications/{s.application.id}/interview/no-show")

    note = db.session.scalar(select(Notification).where(Notification.user_id == s.counselor.id))
    assert describe(note, "en").line == "“Cook”: Not selected."
