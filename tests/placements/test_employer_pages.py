"""An employer reads the applicants of its own openings only, sees a phone only for adults who
agreed (never a minor's, never anyone's date of birth), and moves applications along."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.notifications.models import Notification, NotificationKind
from portal.placements import services
from portal.placements.models import Application, ApplicationStatus
from tests.conftest import login

S = ApplicationStatus
ADULT_BIRTHDAY = date(1999, 3, 17)
MINOR_BIRTHDAY = date(date.today().year - 16, 2, 11)


@pytest.fixture
def center(make_center):
    return make_center(name="Siem Reap center", phone="063 555 444", email="sr@center.example")


@pytest.fixture
def employer(login_as):
    return login_as(Role.EMPLOYER)


@pytest.fixture
def opening(make_opening, employer):
    return make_opening(organization=employer[1].organization, title="Hotel cleaner")


def _applicant(make_user, center, opening, *, born, consent=True, phone="097 1234 567"):
    user = make_user(Role.YOUTH)
    profile = user.youth_profile
    profile.center_id, profile.date_of_birth, profile.phone = center.id, born, phone
    profile.full_name = "Dara Sok" if born == ADULT_BIRTHDAY else "Chanthy Kim"
    profile.skills = ["cleaning", "laundry"]
    profile.set_consent(True)  # applying needs it; `consent=False` withdraws it afterwards
    application = services.apply(opening, profile, by=user, message="I am careful and quick.")
    profile.set_consent(consent)
    db.session.commit()
    return application


def test_the_dashboard_links_each_opening_to_its_applicants(employer, opening, make_user, center):
    client, _user = employer
    _applicant(make_user, center, opening, born=ADULT_BIRTHDAY)

    page = client.get("/employer").get_data(as_text=True)

    assert f"/employer/openings/{opening.id}/applicants" in page
    assert "1 applicant" in page


def _shows_her_phone(page: str) -> bool:
    """Her number in any form a page could show it."""
    return any(form in page for form in ("097 1234 567", "097 123 4567", "971234567"))


def test_an_employer_reads_an_adults_application_with_phone(employer, opening, make_user, center):
    client, _user = employer
    application = _applicant(make_user, center, opening, born=ADULT_BIRTHDAY)

    listing = client.get(f"/employer/openings/{opening.id}/applicants").get_data(as_text=True)
    assert "Dara Sok" in listing
    page = client.get(f"/employer/applications/{application.id}").get_data(as_text=True)

    assert '<a href="tel:+855971234567">097 123 4567</a>' in page
    assert "cleaning" in page
    assert "I am careful and quick." in page
    assert "18 or older" in page
    assert "Lower secondary (grade 9)" in page
    assert "1999" not in page  # nothing of the date of birth, not even the year


def test_an_employer_never_sees_a_minors_phone_nor_birth_date(employer, opening, make_user, center):
    client, _user = employer
    application = _applicant(make_user, center, opening, born=MINOR_BIRTHDAY, consent=True)

    page = client.get(f"/employer/applications/{application.id}").get_data(as_text=True)

    assert not _shows_her_phone(page)
    assert "Under 18" in page
    assert "Contact through Siem Reap center" in page
    assert "063 555 444" in page
    assert str(MINOR_BIRTHDAY.year) not in page
    listing = client.get(f"/employer/openings/{opening.id}/applicants").get_data(as_text=True)
    assert not _shows_her_phone(listing)


def test_an_adult_who_did_not_agree_is_reached_through_the_center(
    employer, opening, make_user, center
):
    client, _user = employer
    application = _applicant(make_user, center, opening, born=ADULT_BIRTHDAY, consent=False)

    page = client.get(f"/employer/applications/{application.id}").get_data(as_text=True)

    assert "097 1234 567" not in page
    assert "Dara Sok" not in page
    assert "Contact through Siem Reap center" in page


def test_an_employer_cannot_read_another_organizations_applicants(
    employer, make_opening, make_user, center
):
    client, _user = employer
    theirs = make_opening(title="Their opening")
    application = _applicant(make_user, center, theirs, born=ADULT_BIRTHDAY)

    assert client.get(f"/employer/openings/{theirs.id}/applicants").status_code == 404
    response = client.get(f"/employer/applications/{application.id}")
    assert response.status_code == 404
    assert "097 1234 567" not in response.get_data(as_text=True)


def test_an_employer_cannot_change_a_status_of_an_application_that_is_not_theirs(
    employer, make_opening, make_user, center
):
    client, _user = employer
    application = _applicant(make_user, center, make_opening(), born=ADULT_BIRTHDAY)

    response = client.post(
        f"/applications/{application.id}/status", data={"to_status": "shortlisted"}
    )

    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(Application, application.id).status == S.APPLIED


def test_an_employer_moves_an_applicant_to_hired_and_the_youth_is_told(
    employer, opening, make_user, center
):
    client, _user = employer
    application = _applicant(make_user, center, opening, born=ADULT_BIRTHDAY)
    url = f"/applications/{application.id}/status"

    page = client.get(f"/employer/applications/{application.id}").get_data(as_text=True)
    assert "Put on the short list" in page and "Hire" not in page
    for step in ("shortlisted", "interview", "hired"):
        response = client.post(url, data={"to_status": step}, follow_redirects=True)
        assert response.status_code == 200

    db.session.expire_all()
    hired = db.session.get(Application, application.id)
    assert hired.status == S.HIRED
    assert [f.month for f in hired.follow_ups] == [1, 3]
    assert hired.opening.status == OpeningStatus.CLOSED  # its one place is filled
    told = db.session.scalars(
        select(Notification).where(
            Notification.user_id == hired.youth.user_id,
            Notification.kind == NotificationKind.STATUS_CHANGE,
        )
    ).all()
    assert len(told) == 3


def test_not_selected_without_a_reason_is_refused_with_a_message(
    employer, opening, make_user, center
):
    client, _user = employer
    application = _applicant(make_user, center, opening, born=ADULT_BIRTHDAY)

    response = client.post(
        f"/applications/{application.id}/status",
        data={"to_status": "not_selected", "reason_code": ""},
        follow_redirects=True,
    )

    assert "Choose why the person was not selected." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Application, application.id).status == S.APPLIED

    client.post(
        f"/applications/{application.id}/status",
        data={"to_status": "not_selected", "reason_code": "experience", "reason": "Try again"},
    )
    db.session.expire_all()
    assert db.session.get(Application, application.id).status == S.NOT_SELECTED


def test_moving_back_from_hired_without_a_reason_is_refused(employer, opening, make_user, center):
    client, user = employer
    application = _applicant(make_user, center, opening, born=ADULT_BIRTHDAY)
    for step in (S.SHORTLISTED, S.INTERVIEW, S.HIRED):
        services.move(application, step, by=user)
    db.session.commit()

    response = client.post(
        f"/applications/{application.id}/status",
        data={"to_status": "not_selected", "reason_code": ""},
        follow_redirects=True,
    )

    assert "this step needs a reason" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Application, application.id).status == S.HIRED


def test_a_counselor_of_the_center_may_move_it_too(app, opening, make_user, center):
    application = _applicant(make_user, center, opening, born=ADULT_BIRTHDAY)
    counselor = make_user(Role.COUNSELOR, center_id=center.id)
    other = make_user(Role.COUNSELOR)

    client = login(app.test_client(), other)
    assert (
        client.post(
            f"/applications/{application.id}/status", data={"to_status": "shortlisted"}
        ).status_code
        == 404
    )
    response = login(app.test_client(), counselor).post(
        f"/applications/{application.id}/status", data={"to_status": "shortlisted"}
    )

    assert response.headers["Location"].endswith(f"/caseload/applications/{application.id}")
    db.session.expire_all()
    assert db.session.get(Application, application.id).status == S.SHORTLISTED


def test_a_youth_cannot_move_their_own_application_forward(app, opening, make_user, center):
    application = _applicant(make_user, center, opening, born=ADULT_BIRTHDAY)
    client = login(app.test_client(), application.youth.user)

    response = client.post(f"/applications/{application.id}/status", data={"to_status": "hired"})

    assert response.status_code == 403
