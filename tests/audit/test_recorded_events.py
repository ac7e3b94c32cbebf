"""Each audited change leaves one record, by whichever path it is made (web page, API, command
line), naming who made it and whom it concerns, and nothing secret."""

from __future__ import annotations

from portal.audit import AuditAction
from portal.auth.models import Role
from portal.auth.tokens import issue_token
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.placements import services
from portal.placements.models import ApplicationDocument, ApplicationStatus
from tests.audit.conftest import events
from tests.conftest import login

S = ApplicationStatus


def _application(young_woman, opening, *, with_cv: bool = False):
    user, profile = young_woman
    application = services.apply(opening, profile, by=user, message="Call me on 097 1234 567")
    if with_cv:
        application.cv = ApplicationDocument(filename="cv.pdf", size=8, data=b"%PDF-1.4")
    db.session.commit()
    return application


def test_an_employer_moves_an_application_on_the_web_and_one_event_says_so(
    app, young_woman, make_user, make_opening
):
    employer = make_user(Role.EMPLOYER)
    application = _application(young_woman, make_opening(organization=employer.organization))
    client = login(app.test_client(), employer)

    client.post(f"/applications/{application.id}/status", data={"to_status": "shortlisted"})

    moved = events(AuditAction.APPLICATION_STATUS)[-1]
    assert len(events(AuditAction.APPLICATION_STATUS)) == 2  # applied, then this step
    assert (moved.actor_id, moved.actor_role, moved.youth_id) == (
        employer.id,
        "employer",
        young_woman[1].id,
    )
    assert (moved.subject_type, moved.subject_id) == ("application", application.id)
    assert moved.detail == {"from": "applied", "to": "shortlisted"}


def test_a_counselors_app_moves_an_application_through_the_api_and_one_event_says_so(
    app, young_woman, counselor, make_opening
):
    _client, staff = counselor
    application = _application(young_woman, make_opening())
    headers = {"Authorization": f"Bearer {issue_token(staff)}"}
    db.session.commit()
    before = len(events())

    response = app.test_client().post(
        f"/api/v1/applications/{application.id}/status",
        json={"status": "not_selected", "reason_code": "filled", "reason": "Call 012 345 678"},
        headers=headers,
    )

    assert response.status_code == 200
    new = events()[before:]
    assert [event.action for event in new] == [AuditAction.APPLICATION_STATUS]
    assert new[0].actor_id == staff.id
    assert new[0].detail == {"from": "applied", "to": "not_selected", "reason_code": "filled"}


def test_withdrawing_and_reopening_are_steps_of_the_trail_too(young_woman, counselor, make_opening):
    _client, staff = counselor
    user, _profile = young_woman
    application = _application(young_woman, make_opening())

    services.withdraw(application, by=user, reason="Found other work")
    services.reopen(application, by=staff, reason="She is free again")
    db.session.commit()

    steps = [(e.actor_id, e.detail["to"]) for e in events(AuditAction.APPLICATION_STATUS)]
    assert steps == [(user.id, "applied"), (user.id, "withdrawn"), (staff.id, "applied")]


def test_a_referral_on_the_web_is_one_referral_event(counselor, young_woman, make_opening):
    client, staff = counselor
    opening = make_opening()

    response = client.post(
        f"/openings/{opening.id}/refer/{young_woman[1].id}", data={"note": "Careful and quick."}
    )

    assert response.status_code == 302
    [referral] = events(AuditAction.REFERRAL)
    assert (referral.actor_id, referral.youth_id, referral.detail) == (
        staff.id,
        young_woman[1].id,
        {"to": "referred"},
    )


def test_an_employer_sees_an_adults_phone_and_that_is_a_contact_view(
    app, young_woman, make_user, make_opening
):
    employer = make_user(Role.EMPLOYER)
    application = _application(young_woman, make_opening(organization=employer.organization))
    client = login(app.test_client(), employer)

    page = client.get(f"/employer/applications/{application.id}").get_data(as_text=True)

    assert "097" in page.replace(" ", "")
    [seen] = events(AuditAction.CONTACT_VIEWED)
    assert (seen.actor_id, seen.youth_id, seen.subject_type) == (
        employer.id,
        young_woman[1].id,
        "application",
    )
    own = login(app.test_client(), young_woman[0]).get("/me/profile/views").get_data(True)
    assert employer.organization.name in own and "saw how to contact you" in own


def test_a_cv_download_by_the_employer_is_recorded_but_not_her_own(
    app, young_woman, make_user, make_opening
):
    employer = make_user(Role.EMPLOYER)
    opening = make_opening(organization=employer.organization)
    application = _application(young_woman, opening, with_cv=True)

    assert (
        login(app.test_client(), young_woman[0])
        .get(f"/applications/{application.id}/cv")
        .status_code
        == 200
    )
    assert events(AuditAction.CV_VIEWED) == []
    assert (
        login(app.test_client(), employer).get(f"/applications/{application.id}/cv").status_code
        == 200
    )

    [download] = events(AuditAction.CV_VIEWED)
    assert download.actor_id == employer.id


def test_the_counselors_application_page_and_the_api_record_contact_views(
    app, young_woman, counselor, make_opening
):
    client, staff = counselor
    application = _application(young_woman, make_opening())
    headers = {"Authorization": f"Bearer {issue_token(staff)}"}
    db.session.commit()

    assert client.get(f"/caseload/applications/{application.id}").status_code == 200
    api = app.test_client()
    assert api.get(f"/api/v1/applications/{application.id}", headers=headers).status_code == 200
    youth_id = young_woman[1].id
    assert api.get(f"/api/v1/youth/{youth_id}/suggestions", headers=headers).status_code == 200
    assert api.get("/api/v1/youth", headers=headers).status_code == 200  # a list: no event

    seen = [(e.action, e.detail.get("via")) for e in events() if e.youth_id == youth_id]
    assert seen[1:] == [
        (AuditAction.CONTACT_VIEWED, "web"),
        (AuditAction.CONTACT_VIEWED, "api"),
        (AuditAction.PROFILE_VIEWED, "api"),
    ]


def test_exporting_the_indicators_leaves_one_event(counselor):
    client, staff = counselor

    response = client.get("/indicators.csv")

    assert response.status_code == 200 and response.mimetype == "text/csv"
    [export] = events(AuditAction.EXPORTED)
    assert (export.actor_id, export.detail["export"]) == (staff.id, "indicators_csv")


def test_decisions_on_an_opening_by_staff_are_recorded_with_the_checked_warnings(
    login_as, make_opening
):
    client, staff = login_as(Role.COUNSELOR)
    picky = "Garment factory in Phnom Penh needs operators. Only young women, unmarried."
    opening = make_opening(description=picky, status=OpeningStatus.PENDING_REVIEW)
    other = make_opening(status=OpeningStatus.PENDING_REVIEW)

    client.post(f"/openings/{opening.id}/approve", data={"confirm_warnings": "y"})
    client.post(f"/openings/{other.id}/reject", data={"reason": "Add the pay, please."})
    client.post(f"/openings/{opening.id}/close", data={})

    decided = [(e.subject_id, e.detail) for e in events(AuditAction.OPENING_DECIDED)]
    checked = {"from": "pending_review", "to": "published", "warnings_checked": True}
    # What the counselor made of the warnings, with the rules that fired (issue 15).
    checked |= {"screening": "dismissed", "rules": ["discrimination"]}
    assert decided == [
        (opening.id, checked),
        (other.id, {"from": "pending_review", "to": "rejected"}),
        (opening.id, {"from": "published", "to": "closed"}),
    ]
    assert {e.actor_id for e in events(AuditAction.OPENING_DECIDED)} == {staff.id}


def test_an_employers_own_posting_and_closing_are_not_staff_decisions(make_user):
    from portal.jobs import services as openings

    employer, staff = make_user(Role.EMPLOYER), make_user(Role.COUNSELOR)
    fields = {"kind": "job", "title": "Cook", "description": "Cook rice.", "province_code": "12"}
    opening = openings.create_opening(employer.organization, fields, by=employer)
    assert events(AuditAction.OPENING_DECIDED) == []
    openings.publish(opening, by=staff)
    openings.close(opening, by=employer)  # all places filled by the employer's hire
    db.session.commit()

    assert opening.status == OpeningStatus.CLOSED
    assert [e.actor_id for e in events(AuditAction.OPENING_DECIDED)] == [staff.id]


def test_verifying_and_turning_down_organizations_are_recorded(login_as, make_org):
    client, staff = login_as(Role.COUNSELOR)
    good, bad = make_org(verified=False), make_org(verified=False)

    client.post(f"/orgs/{good.id}/verify", data={"note": "Licence seen."})
    client.post(f"/orgs/{bad.id}/reject", data={"reason": "No such company."})

    assert [(e.subject_id, e.actor_id) for e in events(AuditAction.ORGANIZATION_VERIFIED)] == [
        (good.id, staff.id)
    ]
    assert [e.subject_id for e in events(AuditAction.ORGANIZATION_REJECTED)] == [bad.id]


def test_deciding_reports_is_recorded(login_as, make_opening):
    from portal.safety import reports

    client, staff = login_as(Role.COUNSELOR)
    opening = make_opening()
    for n in range(2):
        reports.report(opening, "asked_for_money", "", user=None, key=f"visitor-{n}")
    db.session.commit()

    client.post(f"/safety/reports/{opening.id}/dismiss", data={"note": "A real hotel."})

    [decision] = events(AuditAction.REPORT_DECIDED)
    assert (decision.actor_id, decision.subject_id, decision.detail) == (
        staff.id,
        opening.id,
        {"outcome": "dismissed", "reports": 2},
    )


def test_an_admin_creating_and_switching_off_staff_is_recorded(login_as, make_center):
    client, admin = login_as(Role.ADMIN)
    center = make_center()
    client.post(
        "/admin/staff",
        data={
            "display_name": "Chea Sophal",
            "login": "sophal@center.org",
            "password": "temporary-9",
            "role": "counselor",
            "center_id": center.id,
        },
    )
    [created] = events(AuditAction.ACCOUNT_CREATED)
    client.post(f"/admin/staff/{created.subject_id}/toggle")

    assert (created.actor_id, created.detail) == (
        admin.id,
        {"role": "counselor", "center_id": center.id},
    )
    [switched] = events(AuditAction.ACCOUNT_DEACTIVATED)
    assert (switched.actor_id, switched.subject_id, switched.detail) == (
        admin.id,
        created.subject_id,
        {"active": False},
    )


def test_api_tokens_made_on_the_command_line_are_recorded_without_the_token(runner, make_user):
    user = make_user(Role.COUNSELOR, email="dara@center.org")

    raw = runner.invoke(args=["users", "token", "dara@center.org"]).stdout.strip()
    runner.invoke(args=["users", "token", "dara@center.org", "--revoke"])

    issued, revoked = events(AuditAction.TOKEN_ISSUED), events(AuditAction.TOKEN_REVOKED)
    assert [(e.actor_id, e.subject_id, e.detail) for e in issued] == [
        (None, user.id, {"via": "cli"})
    ]
    assert [(e.actor_id, e.detail) for e in revoked] == [(None, {"via": "cli", "count": 1})]
    assert raw and all(raw not in str(e.detail) for e in events())


def test_the_edit_form_is_a_profile_view_but_saving_it_is_not_another(counselor, young_woman):
    client, staff = counselor
    profile = young_woman[1]

    assert client.get(f"/youth/{profile.id}/edit").status_code == 200
    client.post(f"/youth/{profile.id}/edit", data={"full_name": "Srey Leak"})

    assert [(e.actor_id, e.youth_id) for e in events(AuditAction.PROFILE_VIEWED)] == [
        (staff.id, profile.id)
    ]
