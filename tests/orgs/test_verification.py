"""A counselor checks each new organization before anything of it is public."""

from datetime import timedelta

from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.jobs.models import OpeningStatus
from portal.notifications.models import Notification, NotificationKind
from portal.orgs.models import Organization


def test_the_pending_list_shows_new_organizations_newest_first_with_their_details(
    login_as, make_org, make_opening
):
    client, _ = login_as(Role.COUNSELOR)
    older = make_org(
        name="Older Bakery",
        verified=False,
        created_at=utcnow() - timedelta(days=3),
        registration_no="MOC-00123",
        contact_name="Dara",
        contact_phone="012345678",
        address="Street 271",
    )
    make_opening(organization=older, status=OpeningStatus.PENDING_REVIEW)
    make_opening(organization=older, status=OpeningStatus.PENDING_REVIEW)
    make_org(name="Newer Garage", verified=False)
    make_org(name="Checked Hotel")
    make_org(name="Turned Down Ltd", verified=False, rejected_at=utcnow(), rejection_reason="x")

    html = client.get("/orgs/pending").get_data(as_text=True)

    assert html.index("Newer Garage") < html.index("Older Bakery")
    assert "Checked Hotel" not in html and "Turned Down Ltd" not in html
    assert "MOC-00123" in html and "Dara" in html and "012 345 678" in html
    assert "Street 271" in html
    assert "<dt>Openings waiting</dt><dd>2</dd>" in html
    assert "2 organizations wait, the newest first." in html


def test_a_counselor_verifies_with_a_note_and_the_members_are_told(login_as, make_org, make_user):
    client, counselor = login_as(Role.COUNSELOR)
    organization = make_org(name="Angkor Bakery", verified=False)
    member = make_user(Role.EMPLOYER, organization_id=organization.id)

    assert "Angkor Bakery" in client.get(f"/orgs/{organization.id}/review").get_data(as_text=True)
    response = client.post(
        f"/orgs/{organization.id}/verify", data={"note": "Registration paper seen."}
    )

    assert response.status_code == 302
    db.session.refresh(organization)
    assert organization.verification_status == "verified"
    assert organization.verified_by_id == counselor.id
    assert organization.verification_note == "Registration paper seen."
    note = db.session.scalars(select(Notification).where(Notification.user_id == member.id)).one()
    assert note.kind == NotificationKind.ORGANIZATION_REVIEWED
    assert note.params["decision"] == "verified"
    assert note.params["organization"] == "Angkor Bakery"


def test_a_rejection_needs_a_reason_and_keeps_the_organization_pending_without_one(
    login_as, make_org
):
    client, _ = login_as(Role.COUNSELOR)
    organization = make_org(verified=False)

    response = client.post(f"/orgs/{organization.id}/reject", data={"reason": "  "})

    assert response.status_code == 400
    assert "Say why the organization is not verified." in response.get_data(as_text=True)
    db.session.refresh(organization)
    assert organization.verification_status == "pending"


def test_the_employer_reads_the_rejection_reason_on_the_dashboard_and_is_told(
    app, login_as, make_user
):
    counselor_client, _ = login_as(Role.COUNSELOR)
    employer_client, employer = login_as(Role.EMPLOYER)
    organization = employer.organization
    organization.verified_at = None
    db.session.commit()
    assert "Waiting for a counselor to check your organization" in employer_client.get(
        "/employer"
    ).get_data(as_text=True)

    counselor_client.post(
        f"/orgs/{organization.id}/reject", data={"reason": "The phone number does not answer."}
    )

    html = employer_client.get("/employer").get_data(as_text=True)
    assert "A counselor could not verify your organization:" in html
    assert "The phone number does not answer." in html
    note = db.session.scalars(select(Notification).where(Notification.user_id == employer.id)).one()
    assert note.params == {
        "organization": organization.name,
        "decision": "rejected",
        "reason": "The phone number does not answer.",
    }


def test_a_later_verification_clears_the_rejection(login_as, make_org):
    client, _ = login_as(Role.COUNSELOR)
    organization = make_org(verified=False, rejected_at=utcnow(), rejection_reason="No papers.")

    client.post(f"/orgs/{organization.id}/verify", data={})

    organization = db.session.get(Organization, organization.id)
    db.session.refresh(organization)
    assert organization.is_verified
    assert organization.rejected_at is None and organization.rejection_reason is None


def test_employers_and_youth_cannot_verify_or_reject(login_as, make_org):
    organization = make_org(verified=False)
    for role in (Role.EMPLOYER, Role.YOUTH):
        client, _ = login_as(role)
        assert client.post(f"/orgs/{organization.id}/verify").status_code == 403
        assert client.post(f"/orgs/{organization.id}/reject", data={"reason": "x"}).status_code == (
            403
        )
        assert client.get("/orgs/pending").status_code == 403
    db.session.refresh(organization)
    assert organization.verification_status == "pending"


def test_an_employer_cannot_verify_its_own_organization(login_as):
    client, employer = login_as(Role.EMPLOYER)
    organization = employer.organization
    organization.verified_at = None
    db.session.commit()

    assert client.post(f"/orgs/{organization.id}/verify").status_code == 403
    db.session.refresh(organization)
    assert not organization.is_verified


def test_an_unknown_organization_is_404(login_as):
    client, _ = login_as(Role.COUNSELOR)
    assert client.get("/orgs/999999/review").status_code == 404
    assert client.post("/orgs/999999/reject", data={"reason": "x"}).status_code == 404


def test_a_turned_down_employer_corrects_its_details_and_waits_for_a_new_check(login_as):
    counselor, _ = login_as(Role.COUNSELOR)
    client, employer = login_as(Role.EMPLOYER)
    organization = employer.organization
    organization.verified_at = None
    organization.rejected_at = utcnow()
    organization.rejection_reason = "The phone number does not answer."
    db.session.commit()
    assert organization.name not in counselor.get("/orgs/pending").get_data(as_text=True)

    client.post(
        "/employer/organization",
        data={"contact_name": "Dara", "contact_phone": "012888777", "province": "12"},
    )

    assert "Waiting for a counselor" in client.get("/employer").get_data(as_text=True)
    assert organization.name in counselor.get("/orgs/pending").get_data(as_text=True)
    review = counselor.get(f"/orgs/{organization.id}/review").get_data(as_text=True)
    assert "Not verified before because:" in review
    assert "The phone number does not answer." in review
