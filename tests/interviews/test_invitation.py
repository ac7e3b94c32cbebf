"""An employer (or a counselor) invites a young person to an interview: day and time in Cambodia,
place with a map link, whom to ask for, what to bring. She reads it at once, on her page and in
her notifications; a new date keeps the old one in the history, on the audit trail."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from portal.audit.models import AuditAction, AuditEvent
from portal.extensions import db
from portal.interviews.queries import cambodian_today
from portal.interviews.services import history
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe
from portal.placements.models import ApplicationStatus
from portal.privacy.rights import personal_data


def form(day, clock: str = "09:00", **fields) -> dict:
    return {
        "day": day.isoformat(),
        "time": clock,
        "place": "Hotel Sokha, 2nd floor, near Psar Thmei",
        "map_url": "",
        "ask_for": "Ms Dara at the reception",
        "bring": "ID card, a pen",
        **fields,
    }


def notes_of(user, kind=None) -> list[Notification]:
    query = select(Notification).where(Notification.user_id == user.id)
    if kind is not None:
        query = query.where(Notification.kind == kind)
    return list(db.session.scalars(query.order_by(Notification.id)))


def test_the_employer_invites_her_and_she_reads_when_and_where(shortlist, client_of):
    s = shortlist()
    application_id = s.application.id
    day = cambodian_today() + timedelta(days=3)
    employer = client_of(s.employer)

    page = employer.get(f"/employer/applications/{application_id}").get_data(as_text=True)
    assert f'href="/applications/{application_id}/interview"' in page  # "Invite to an interview"
    response = employer.post(f"/applications/{application_id}/interview", data=form(day))

    assert response.status_code == 302
    assert response.headers["Location"] == f"/employer/applications/{application_id}"
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.INTERVIEW
    [interview] = history(s.application)
    assert interview.starts_at == datetime.combine(day, time(2, 0))  # 09:00 in Cambodia (UTC+7)
    [note] = notes_of(s.youth_user)  # one message with the details, not a bare "status changed"
    assert note.kind == NotificationKind.INTERVIEW
    text = describe(note, "en")
    assert text.title == f"Interview: {day.strftime('%a')} {day.day} {day.strftime('%b')}, 09:00"
    assert text.line == (
        f"{day.strftime('%a')} {day.day} {day.strftime('%b')}, 09:00: “Cook” at Hotel Sokha. "
        "Place: Hotel Sokha, 2nd floor, near Psar Thmei. "
        "Ask for: Ms Dara at the reception. Bring: ID card, a pen."
    )
    her_page = client_of(s.youth_user).get("/me/applications").get_data(as_text=True)
    assert "Your interview" in her_page
    assert "Ms Dara at the reception" in her_page and "ID card, a pen" in her_page
    assert (
        'href="https://www.google.com/maps/search/?api=1&amp;query=Hotel+Sokha%2C+2nd+floor'
        in her_page
    )


def test_a_khmer_reader_gets_the_date_in_khmer_digits(shortlist, client_of):
    s = shortlist(locale="km")
    day = cambodian_today() + timedelta(days=3)
    client_of(s.employer).post(
        f"/applications/{s.application.id}/interview", data=form(day, "14:30")
    )

    [note] = notes_of(s.youth_user)
    text = describe(note, "km")
    when = text.line.split("៖")[0]  # "ពុធ ១០ ធ្នូ ម៉ោង ១៤:៣០"
    assert when.endswith("ម៉ោង ១៤:៣០") and when in text.title
    assert f" {day.day} " not in when and not any(ch.isascii() and ch.isdigit() for ch in when)
    assert text.line.endswith("សួររក៖ Ms Dara at the reception។ យកមក៖ ID card, a pen។")


def test_a_new_date_keeps_the_old_one_and_is_audited(shortlist, client_of):
    s = shortlist()
    first, second = cambodian_today() + timedelta(days=2), cambodian_today() + timedelta(days=4)
    employer = client_of(s.employer)
    employer.post(f"/applications/{s.application.id}/interview", data=form(first))

    page = employer.get(f"/applications/{s.application.id}/interview").get_data(as_text=True)
    assert 'value="Ms Dara at the reception"' in page  # the form starts from what stands
    employer.post(f"/applications/{s.application.id}/interview", data=form(second, "14:30"))

    db.session.expire_all()
    latest, earlier = history(s.application)
    assert earlier.replaced_at is not None and latest.replaced_at is None
    assert latest.starts_at == datetime.combine(second, time(7, 30))
    invited, moved = notes_of(s.youth_user, NotificationKind.INTERVIEW)
    assert describe(moved, "en").title.startswith("Your interview moved: ")
    assert describe(moved, "en").line.startswith(f"{second.strftime('%a')} {second.day} ")
    events = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.action.in_([AuditAction.INTERVIEW_SET, AuditAction.INTERVIEW_MOVED]))
        .order_by(AuditEvent.id)
    ).all()
    assert [e.action for e in events] == [AuditAction.INTERVIEW_SET, AuditAction.INTERVIEW_MOVED]
    assert events[1].actor_id == s.employer.id
    assert events[1].detail["was_at"] == earlier.starts_at.isoformat()
    employer_page = employer.get(f"/employer/applications/{s.application.id}")
    assert "Dates set before" in employer_page.get_data(as_text=True)


def test_her_counselor_invites_her_from_the_caseload(shortlist, client_of):
    s = shortlist()
    counselor = client_of(s.counselor)
    page = counselor.get(f"/caseload/applications/{s.application.id}").get_data(as_text=True)
    assert f'href="/applications/{s.application.id}/interview"' in page

    day = cambodian_today() + timedelta(days=1)
    response = counselor.post(f"/applications/{s.application.id}/interview", data=form(day))

    assert response.headers["Location"] == f"/caseload/applications/{s.application.id}"
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.INTERVIEW
    assert history(s.application)[0].created_by_id == s.counselor.id


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "http://maps.google.com/?q=Sokha",
        "https://evil.example/maps/place",
        "https://www.google.com/search?q=Sokha",
        "https://maps.google.com.evil.example/",
        "https://someone@maps.google.com/",
        "https://maps.google.com:8443/",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_a_pasted_link_that_is_not_a_map_is_refused(shortlist, client_of, link):
    s = shortlist()
    day = cambodian_today() + timedelta(days=3)

    response = client_of(s.employer).post(
        f"/applications/{s.application.id}/interview", data=form(day, map_url=link)
    )

    assert response.status_code == 400
    assert "Paste a link from Google Maps" in response.get_data(as_text=True)
    db.session.expire_all()
    assert history(s.application) == []
    assert s.application.status == ApplicationStatus.SHORTLISTED
    assert notes_of(s.youth_user) == []


@pytest.mark.parametrize(
    "link",
    [
        "https://maps.app.goo.gl/Xy12AbCdEf",
        "https://www.google.com/maps/place/Hotel+Sokha/@11.56,104.92,17z",
        "https://www.openstreetmap.org/#map=18/11.5700/104.9200",
    ],
)
def test_a_pasted_maps_link_is_what_she_opens(shortlist, client_of, link):
    s = shortlist()
    day = cambodian_today() + timedelta(days=3)
    client_of(s.employer).post(
        f"/applications/{s.application.id}/interview", data=form(day, map_url=link)
    )

    her_page = client_of(s.youth_user).get("/me/applications").get_data(as_text=True)
    assert f'href="{link}"' in her_page


def test_a_day_that_has_passed_is_refused(shortlist, client_of):
    s = shortlist()
    yesterday = cambodian_today() - timedelta(days=1)

    response = client_of(s.employer).post(
        f"/applications/{s.application.id}/interview", data=form(yesterday)
    )

    assert response.status_code == 400
    assert "has not passed yet" in response.get_data(as_text=True)
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.SHORTLISTED


def test_an_application_not_yet_on_the_short_list_gets_no_interview(
    shortlist, client_of, make_application
):
    s = shortlist()
    s.application.status = ApplicationStatus.APPLIED
    db.session.commit()
    day = cambodian_today() + timedelta(days=3)

    page = client_of(s.employer).post(f"/applications/{s.application.id}/interview", data=form(day))

    assert "once the person is on the short list" in page.get_data(as_text=True)
    assert history(s.application) == []


def test_a_young_person_without_an_account_is_called_by_her_counselor(
    shortlist, client_of, make_youth, make_application
):
    s = shortlist()
    registered = make_youth(center_id=s.youth.center_id, full_name="Srey Pov")
    application = make_application(
        opening=s.application.opening, youth=registered, status=ApplicationStatus.SHORTLISTED
    )
    counselor = client_of(s.counselor)

    response = counselor.post(
        f"/applications/{application.id}/interview",
        data=form(cambodian_today() + timedelta(days=2)),
        follow_redirects=True,
    )

    assert "has no Phlov account: please call her" in response.get_data(as_text=True)
    assert db.session.scalars(select(Notification)).all() == []


def test_her_data_download_holds_her_interviews(shortlist, client_of):
    s = shortlist()
    employer = client_of(s.employer)
    for days in (2, 4):
        day = cambodian_today() + timedelta(days=days)
        employer.post(f"/applications/{s.application.id}/interview", data=form(day))

    [application] = personal_data(s.youth)["applications"]
    first, second = application["interviews"]
    assert first["replaced_at"] is not None and second["replaced_at"] is None
    assert second["place"] == "Hotel Sokha, 2nd floor, near Psar Thmei"
