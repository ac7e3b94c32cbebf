"""Organization pages: public page, verification by staff, the employer's dashboard and details."""

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.orgs.models import OrgKind


def test_the_public_page_shows_the_organization_and_its_open_openings(
    client, make_org, make_opening
):
    org = make_org(
        name="Mekong Skills",
        kind=OrgKind.TRAINING_PROVIDER,
        description="We teach cooking.",
        contact_phone="012345678",
    )
    make_opening(organization=org, title="Cooking course")
    make_opening(organization=org, title="Secret draft", status=OpeningStatus.DRAFT)
    make_opening(organization=org, title="Waiting job", status=OpeningStatus.PENDING_REVIEW)
    html = client.get(f"/orgs/{org.id}").get_data(as_text=True)
    for text in (
        "Mekong Skills",
        "Training provider",
        "Phnom Penh",
        "We teach cooking.",
        "Verified",
        "Cooking course",
    ):
        assert text in html
    assert "Secret draft" not in html and "Waiting job" not in html
    assert "012345678" not in html  # contact details are not public
    assert "/verify" not in html


def test_a_missing_organization_is_404(client):
    assert client.get("/orgs/999999").status_code == 404


def test_staff_see_the_contact_and_verify_an_organization(login_as, make_org):
    client, counselor = login_as(Role.COUNSELOR)
    org = make_org(name="New Garage", verified=False, contact_phone="012345678")
    html = client.get(f"/orgs/{org.id}").get_data(as_text=True)
    assert "Not verified yet" in html
    assert '<a href="tel:+85512345678">012 345 678</a>' in html
    assert f"/orgs/{org.id}/review" in html
    response = client.post(f"/orgs/{org.id}/verify")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "New Garage is verified." in page
    db.session.refresh(org)
    assert org.is_verified and org.verified_by_id == counselor.id
    response = client.post(f"/orgs/{org.id}/verify")
    assert "already verified" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_only_staff_verify(client, login_as, make_org):
    org = make_org(verified=False)
    employer, _ = login_as(Role.EMPLOYER, organization_id=org.id)
    assert employer.post(f"/orgs/{org.id}/verify").status_code == 403
    assert client.post(f"/orgs/{org.id}/verify").status_code == 302  # to the login page
    db.session.refresh(org)
    assert not org.is_verified


def test_the_dashboard_lists_every_status_of_the_employers_own_openings(
    login_as, make_org, make_opening
):
    org = make_org(name="Golden Thread", verified=False)
    client, _ = login_as(Role.EMPLOYER, organization_id=org.id)
    make_opening(organization=org, title="Our public job")
    make_opening(organization=org, title="Our waiting job", status=OpeningStatus.PENDING_REVIEW)
    make_opening(
        organization=org,
        title="Our sent back job",
        status=OpeningStatus.REJECTED,
        review_note="Say the working hours.",
    )
    make_opening(title="Another firm's draft", status=OpeningStatus.DRAFT)
    make_opening(title="Another firm's pending", status=OpeningStatus.PENDING_REVIEW)
    html = client.get("/employer").get_data(as_text=True)
    assert "Golden Thread" in html
    assert "Waiting for a counselor to check your organization." in html
    for text in (
        "Our public job",
        "Our waiting job",
        "Our sent back job",
        "Published",
        "Waiting for review",
        "Sent back",
        "Say the working hours.",
    ):
        assert text in html
    assert "Another firm" not in html
    assert "/openings/new" in html


def test_a_verified_organization_has_no_waiting_message(login_as):
    client, _ = login_as(Role.EMPLOYER)
    assert "waiting for verification" not in client.get("/employer").get_data(as_text=True)


def test_only_employers_have_a_dashboard(client, login_as):
    counselor, _ = login_as(Role.COUNSELOR)
    youth, _ = login_as(Role.YOUTH)
    assert counselor.get("/employer").status_code == 403
    assert youth.get("/employer").status_code == 403
    assert client.get("/employer").status_code == 302


def test_the_employer_edits_its_organization(login_as):
    client, employer = login_as(Role.EMPLOYER)
    form = client.get("/employer/organization").get_data(as_text=True)
    assert "About your organization" in form
    response = client.post(
        "/employer/organization",
        data={
            "description": "We make shirts.",
            "contact_name": "Sokha",
            "contact_phone": "+855 12 999 888",
            "contact_email": "HR@Thread.example",
            "address": "Street 271",
            "province": "15",
        },
    )
    assert response.status_code == 302
    org = employer.organization
    db.session.refresh(org)
    assert org.description == "We make shirts."
    assert org.contact_phone == "012999888"
    assert org.contact_email == "hr@thread.example"
    assert org.province_code == "15"


def test_a_wrong_phone_number_is_refused_and_nothing_is_lost(login_as):
    client, employer = login_as(Role.EMPLOYER)
    response = client.post(
        "/employer/organization",
        data={
            "description": "We make shirts.",
            "contact_name": "Sokha",
            "contact_phone": "12",
            "province": "12",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter a Cambodian phone number" in html
    assert "We make shirts." in html
    db.session.refresh(employer.organization)
    assert employer.organization.description == ""
