"""Posting work in another country: the form asks which country, and the screening reads it."""

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import Opening
from tests.jobs.payloads import opening_payload


def test_work_abroad_needs_a_country_and_nothing_is_saved_without_it(login_as):
    client, _ = login_as(Role.EMPLOYER)
    response = client.post("/openings/new", data=opening_payload(work_abroad="y"))
    assert response.status_code == 400
    assert "Say in which country the work is." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(Opening)) is None


def test_work_abroad_is_kept_and_flagged_when_the_organization_is_not_a_licensed_agency(
    login_as,
):
    client, employer = login_as(Role.EMPLOYER)
    client.post(
        "/openings/new", data=opening_payload(work_abroad="y", work_country=" South  Korea ")
    )
    [opening] = employer.organization.openings
    assert opening.work_abroad and opening.work_country == "South Korea"
    assert "abroad_unlicensed" in {r["name"] for r in opening.screening_reasons}
    edit = client.get(f"/openings/{opening.id}/edit").get_data(as_text=True)
    assert 'value="South Korea"' in edit
