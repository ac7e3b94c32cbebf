"""The whole road, through the web pages: an employer signs up, a counselor verifies it, the
opening is approved, a young man applies, is shortlisted, interviewed and hired, the counselor
records that he still works there at 1 and 3 months, and the donors' figures show it."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import Opening, OpeningStatus
from portal.notifications.models import Notification, NotificationKind
from portal.orgs.models import Organization
from portal.placements.models import Application, ApplicationStatus, FollowUp
from portal.placements.services import add_months
from tests.conftest import login
from tests.jobs.payloads import opening_payload
from tests.youth.helpers import signup_data


def ok(response, status: int = 302):
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response


def test_from_employer_sign_up_to_a_three_month_follow_up(app, runner, make_center, make_user):
    center = make_center(name="Phnom Penh YEC", province_code="12")
    counselor = login(app.test_client(), make_user(Role.COUNSELOR, center_id=center.id))
    employer = app.test_client()
    youth = app.test_client()

    # An employer signs up: the organization waits for a counselor's check.
    ok(
        employer.post(
            "/signup/employer",
            data={
                "organization_name": "Angkor Silk Garments",
                "kind": "employer",
                "province": "12",
                "contact_name": "Chan Sophea",
                "phone": "012 888 777",
                "email": "hr@angkorsilk.example",
                "password": "long-enough-1",
                "confirm": "long-enough-1",
            },
        )
    )
    organization = db.session.scalar(select(Organization))
    assert not organization.is_verified

    # The counselor finds it in the list to check, and verifies it.
    assert "Angkor Silk Garments" in ok(counselor.get("/orgs/pending"), 200).get_data(True)
    ok(counselor.post(f"/orgs/{organization.id}/verify", data={"note": "Licence seen."}))
    db.session.refresh(organization)
    assert organization.is_verified

    # The employer posts an opening; it waits for review, then the counselor approves it.
    ok(employer.post("/openings/new", data=opening_payload(title="Sewing operator", positions="1")))
    opening = db.session.scalar(select(Opening))
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert "Sewing operator" in ok(counselor.get("/review"), 200).get_data(True)
    ok(counselor.post(f"/openings/{opening.id}/approve"))
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PUBLISHED

    # A young man signs up (his center is the one of his province) and applies.
    ok(youth.post("/signup", data=signup_data(full_name="Sok Vichea", gender="male")))
    ok(youth.post(f"/openings/{opening.id}/apply", data={"message": "I sew well and fast."}))
    application = db.session.scalar(select(Application))
    assert application.youth.center_id == center.id
    assert "Sok Vichea" in ok(counselor.get("/caseload"), 200).get_data(True)

    # The employer reads the applicants and moves him along: shortlisted, interview, hired.
    applicants = ok(employer.get(f"/employer/openings/{opening.id}/applicants"), 200)
    assert "Sok Vichea" in applicants.get_data(True)
    for step in ("shortlisted", "interview", "hired"):
        ok(
            employer.post(
                f"/applications/{application.id}/status",
                data={"to_status": step, "reason_code": "", "reason": ""},
            )
        )
        db.session.refresh(application)
        assert application.status == ApplicationStatus(step)
    assert application.hired_on == date.today()
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.CLOSED  # its one place is filled
    assert "Hired" in ok(youth.get("/me/applications"), 200).get_data(True)

    # Three months and a bit go by (the hire is moved back in time; nothing else changes).
    hired_on = date.today() - timedelta(days=100)
    application.hired_on = hired_on
    for follow_up in application.follow_ups:
        follow_up.due_on = add_months(hired_on, follow_up.month)
    db.session.commit()

    # The daily command reminds the counselor; the follow-ups are on their list this week.
    result = runner.invoke(args=["placements", "remind-follow-ups"])
    assert result.exit_code == 0, result.output
    reminders = db.session.scalars(
        select(Notification).where(Notification.kind == NotificationKind.FOLLOW_UP_DUE)
    ).all()
    assert len(reminders) == 2 and {n.params["month"] for n in reminders} == {1, 3}
    page = ok(counselor.get("/follow-ups"), 200).get_data(True)
    assert page.count("Sok Vichea") == 2

    # The counselor calls him: still employed, at 1 month and at 3 months.
    for follow_up in db.session.scalars(select(FollowUp).order_by(FollowUp.month)):
        ok(counselor.post(f"/follow-ups/{follow_up.id}", data={"answer": "yes", "note": ""}))
    page = ok(counselor.get("/follow-ups"), 200).get_data(True)
    assert "Nothing is overdue." in page and 'class="card follow-up"' not in page

    # The figures for donors: the old address leads to the indicators of her center
    # (their numbers are checked in tests/indicators).
    page = ok(counselor.get("/placements/figures", follow_redirects=True), 200).get_data(True)
    assert "Indicators" in page and 'id="table-main"' in page

    # And the employer may see none of it.
    for url in ("/caseload", "/follow-ups", "/placements/figures", "/indicators"):
        assert employer.get(url).status_code == 403
