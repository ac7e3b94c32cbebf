"""A 16-year-old applies: her phone never reaches the employer, her CV waits for her counselor,
and withdrawing her consent hides her at once; a referral needs her consent."""

from __future__ import annotations

from io import BytesIO

from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent
from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token
from portal.extensions import db
from portal.placements.models import Application
from tests.privacy.conftest import PDF

MESSAGE = (
    "Hello, call me on ០១២ ៣៤៥ ៦៧៨ or 012-345-678, chanthy.k@gmail.com, "
    "born 12/03/2009. I want $150."
)


def _apply(client, opening, message=MESSAGE, cv=True):
    data = {"message": message}
    if cv:
        data["cv"] = (BytesIO(PDF), "my cv.pdf")
    response = client.post(
        f"/openings/{opening.id}/apply", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return db.session.scalars(select(Application)).one()


def test_a_minor_is_told_while_writing_that_contact_details_are_hidden(minor, opening):
    client, _user = minor

    page = client.get(f"/openings/{opening.id}/apply").get_data(as_text=True)

    assert "the employer will not see any phone number" in page


def test_a_minors_phone_in_her_message_never_reaches_the_employer(minor, employer, opening):
    application = _apply(minor[0], opening)
    client, user = employer

    page = client.get(f"/employer/applications/{application.id}").get_data(as_text=True)
    listing = client.get(f"/employer/openings/{opening.id}/applicants").get_data(as_text=True)

    assert "Chanthy Kim" in page  # she agreed to share her profile
    for secret in ("០១២ ៣៤៥ ៦៧៨", "012-345-678", "chanthy.k@gmail.com", "12/03/2009", "777888"):
        assert secret not in page and secret not in listing
    assert "[hidden by Phlov]" in page and "I want $150." in page
    # The API is for staff only: the employer's token gets nothing of her.
    db.session.add(ApiToken(user_id=user.id, token_hash=hash_token("employer-token")))
    db.session.commit()
    api = client.get(
        f"/api/v1/applications/{application.id}",
        headers={"Authorization": "Bearer employer-token"},
    )
    assert api.status_code == 403 and "012" not in api.get_data(as_text=True)


def test_her_counselor_still_reads_the_message_as_she_wrote_it(minor, counselor, opening):
    application = _apply(minor[0], opening)

    page = counselor[0].get(f"/caseload/applications/{application.id}").get_data(as_text=True)

    assert "012-345-678" in page


def test_a_minors_cv_waits_until_her_counselor_releases_it(minor, employer, counselor, opening):
    application = _apply(minor[0], opening)
    client, _user = employer
    cv_url = f"/applications/{application.id}/cv"

    assert "CV waiting for the center" in client.get(
        f"/employer/applications/{application.id}"
    ).get_data(as_text=True)
    assert client.get(cv_url).status_code == 404

    staff, staff_user = counselor
    page = staff.get(f"/caseload/applications/{application.id}").get_data(as_text=True)
    assert "Release the CV to the employer" in page
    staff.post(f"/caseload/applications/{application.id}/release-cv")

    download = client.get(cv_url)
    assert download.status_code == 200 and download.data == PDF
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == AuditAction.CV_RELEASED)
    ).one()
    assert event.actor_id == staff_user.id and event.youth_id == application.youth_id


def test_a_counselor_of_another_center_cannot_release_her_cv(
    app, minor, make_user, make_center, opening
):
    application = _apply(minor[0], opening)
    other = make_user(Role.COUNSELOR, center_id=make_center().id)
    from tests.conftest import login

    response = login(app.test_client(), other).post(
        f"/caseload/applications/{application.id}/release-cv"
    )

    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(Application, application.id).cv.released_at is None


def test_withdrawing_consent_hides_her_from_the_employer_at_once(minor, employer, opening):
    youth_client, _user = minor
    application = _apply(youth_client, opening, message="I am careful.", cv=True)
    client, _employer = employer
    url = f"/employer/applications/{application.id}"
    assert "Chanthy Kim" in client.get(url).get_data(as_text=True)
    assert "Chanthy Kim" in client.get("/notifications").get_data(as_text=True)

    youth_client.post("/me/privacy/consent", data={})  # the box unticked

    page = client.get(url).get_data(as_text=True)
    listing = client.get(f"/employer/openings/{opening.id}/applicants").get_data(as_text=True)
    for shown in (page, listing):
        assert "Chanthy Kim" not in shown and "cleaning" not in shown
        assert "Not shared by the young person" in shown
    assert "I am careful." not in page
    assert "Chanthy Kim" not in client.get("/notifications").get_data(as_text=True)
    assert client.get(f"/applications/{application.id}/cv").status_code == 404
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == AuditAction.CONSENT_CHANGED)
    ).one()
    assert event.detail == {"given": False}


def test_a_referral_without_consent_is_refused_with_the_reason(
    counselor, make_youth, center, opening
):
    client, user = counselor
    youth = make_youth(center_id=center.id, full_name="Srey Mom", consent_to_share=False)

    page = client.post(
        f"/openings/{opening.id}/refer/{youth.id}", data={"note": "Fits well."}
    ).get_data(as_text=True)

    assert "Srey Mom has not agreed to share the profile with employers" in page
    assert db.session.scalars(select(Application)).all() == []


def test_the_api_refuses_a_referral_without_consent(app, counselor, make_youth, center, opening):
    _client, user = counselor
    youth = make_youth(center_id=center.id, full_name="Srey Mom", consent_to_share=False)
    db.session.add(ApiToken(user_id=user.id, token_hash=hash_token("staff-token")))
    db.session.commit()

    response = app.test_client().post(
        "/api/v1/applications",
        json={"opening_id": opening.id, "youth_id": youth.id, "note": "Fits well."},
        headers={"Authorization": "Bearer staff-token"},
    )

    assert response.status_code == 400
    assert "has not agreed to share" in response.get_json()["message"]
    assert db.session.scalars(select(Application)).all() == []


def test_she_gives_consent_again_from_her_privacy_page_and_reads_what_it_means(minor):
    client, user = minor
    client.post("/me/privacy/consent", data={})
    page = client.get("/me/privacy").get_data(as_text=True)
    assert "Employers cannot see your profile" in page

    client.post("/me/privacy/consent", data={"consent": "y"})

    page = client.get("/me/privacy").get_data(as_text=True)
    assert "Employers can see your name, skills and province" in page
    given = [
        e.detail["given"]
        for e in db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == AuditAction.CONSENT_CHANGED)
            .order_by(AuditEvent.id)
        )
    ]
    assert given == [False, True]


def test_without_consent_she_is_told_how_to_apply(minor, opening):
    client, user = minor
    client.post("/me/privacy/consent", data={})

    response = client.post(f"/openings/{opening.id}/apply", data={"message": "Hello"})

    assert response.status_code == 400
    assert "only if you agree to share your profile" in response.get_data(as_text=True)
    assert db.session.scalars(select(Application)).all() == []
