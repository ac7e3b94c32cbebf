"""Who may set an interview, say "did not come", and see a day's interviews: the employer of
that opening, the young person's counselors, admins. Youth are refused; other employers and
counselors of other centers see nothing (404, never which)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.extensions import db
from portal.interviews.queries import cambodian_today
from portal.placements.models import ApplicationStatus
from tests.interviews.test_day_and_no_show import interview_today
from tests.interviews.test_invitation import form


def urls(application_id: int) -> list[tuple[str, str]]:
    return [
        ("GET", f"/applications/{application_id}/interview"),
        ("POST", f"/applications/{application_id}/interview"),
        ("POST", f"/applications/{application_id}/interview/no-show"),
    ]


@pytest.mark.parametrize("who", ["other employer", "other counselor"])
def test_others_are_answered_not_found_and_nothing_changes(shortlist, client_of, make_user, who):
    s = shortlist()
    interview_today(s)
    other = make_user("employer" if who == "other employer" else "counselor")
    theirs = shortlist(employer_name="Garment Co")  # they have interviews of their own
    interview_today(theirs)
    client = client_of(other)
    day = cambodian_today() + timedelta(days=2)

    for method, url in urls(s.application.id):
        response = client.open(url, method=method, data=form(day))
        assert response.status_code == 404, (method, url)
    assert s.youth.full_name not in client.get("/interviews").get_data(as_text=True)
    db.session.expire_all()
    assert s.application.status == ApplicationStatus.INTERVIEW


def test_the_young_person_is_refused(shortlist, client_of):
    s = shortlist()
    client = client_of(s.youth_user)
    for method, url in [*urls(s.application.id), ("GET", "/interviews")]:
        assert client.open(url, method=method).status_code == 403, (method, url)


def test_a_visitor_is_sent_to_log_in(shortlist, app):
    s = shortlist()
    for method, url in [*urls(s.application.id), ("GET", "/interviews")]:
        response = app.test_client().open(url, method=method)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["employer of the opening", "counselor", "admin"])
def test_the_people_concerned_may(shortlist, client_of, make_user, role):
    s = shortlist()
    user = {
        "employer of the opening": s.employer,
        "counselor": s.counselor,
        "admin": make_user("admin"),
    }[role]
    client = client_of(user)
    day = cambodian_today() + timedelta(days=2)

    assert client.get(f"/applications/{s.application.id}/interview").status_code == 200
    response = client.post(f"/applications/{s.application.id}/interview", data=form(day))
    assert response.status_code == 302
    assert (
        s.youth.full_name in client.get(f"/interviews?day={day.isoformat()}").get_data(as_text=True)
        or role == "employer of the opening"
    )
