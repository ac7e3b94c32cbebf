"""Matching pages: "For you" for a young person, suggestions and candidates for counselors."""

from datetime import date, timedelta

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningKind, OpeningStatus
from portal.youth.models import EducationLevel


def _set_profile(user, **fields):
    profile = user.youth_profile
    for name, value in fields.items():
        setattr(profile, name, value)
    db.session.commit()
    return profile


def _years_ago(years: int) -> date:
    today = date.today()
    return today.replace(year=today.year - years) - timedelta(days=30)


def test_a_young_person_sees_openings_for_their_skills_with_reasons(login_as, make_opening):
    client, user = login_as(Role.YOUTH)
    _set_profile(user, skills=["sewing"], wanted_kinds=["job"], languages=["km"])
    make_opening(title="Garment sewer", skills=["sewing"], province_code="12", languages=["en"])
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Garment sewer" in page
    assert "Your skill sewing" in page
    assert "In your province" in page
    assert "Needs: English" in page


def test_a_young_person_never_sees_closed_expired_unpublished_or_hazardous(login_as, make_opening):
    client, user = login_as(Role.YOUTH)
    _set_profile(user, skills=["sewing"], date_of_birth=_years_ago(16))
    make_opening(title="Open sewing job", skills=["sewing"])
    make_opening(title="Closed sewing job", skills=["sewing"], status=OpeningStatus.CLOSED)
    make_opening(title="Draft sewing job", skills=["sewing"], status=OpeningStatus.DRAFT)
    make_opening(
        title="Expired sewing job", skills=["sewing"], closing_date=date.today() - timedelta(1)
    )
    make_opening(title="Hazardous sewing job", skills=["sewing"], hazardous=True, min_age=18)
    make_opening(title="Adult sewing job", skills=["sewing"], min_age=18)
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Open sewing job" in page
    for hidden in ("Closed", "Draft", "Expired", "Hazardous", "Adult"):
        assert f"{hidden} sewing job" not in page


def test_an_upper_secondary_opening_says_what_is_missing(login_as, make_opening):
    client, user = login_as(Role.YOUTH)
    _set_profile(user, skills=["cooking"], education_level=EducationLevel.PRIMARY)
    make_opening(title="Cook", skills=["cooking"], min_education=EducationLevel.UPPER_SECONDARY)
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Needs: Upper secondary" in page


def test_a_profile_without_skills_is_asked_to_add_some(login_as, make_opening):
    client, _user = login_as(Role.YOUTH)
    make_opening(title="Garment sewer", skills=["sewing"])
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Garment sewer" not in page
    assert "Add your skills" in page
    assert 'href="/me/profile"' in page


def test_youth_see_the_for_you_link(login_as):
    client, _user = login_as(Role.YOUTH)
    assert 'href="/me/for-you"' in client.get("/me/profile").get_data(as_text=True)


def test_a_counselor_sees_suggestions_on_a_youth_profile(login_as, make_youth, make_opening):
    client, counselor = login_as(Role.COUNSELOR)
    youth = make_youth(center_id=counselor.center_id, skills=["motorbike repair"])
    make_opening(title="Motorbike mechanic", skills=["motorbike repair"], kind=OpeningKind.JOB)
    page = client.get(f"/youth/{youth.id}").get_data(as_text=True)
    assert "Suggested openings" in page
    assert "Motorbike mechanic" in page
    assert "Their skill motorbike repair" in page


def test_a_counselor_sees_candidates_of_their_center_only(
    login_as, make_youth, make_center, make_opening
):
    client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(title="Garment sewer", skills=["sewing"])
    ours = make_youth(center_id=counselor.center_id, full_name="Dara Ours", skills=["sewing"])
    ours.set_consent(True)
    db.session.commit()
    make_youth(center_id=make_center().id, full_name="Vanna Theirs", skills=["sewing"])
    response = client.get(f"/openings/{opening.id}/candidates")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Dara Ours" in page
    assert f'name="youth_id" value="{ours.id}"' in page  # she agreed to share: she can be chosen
    assert "Vanna Theirs" not in page


def test_an_admin_sees_candidates_of_every_center(login_as, make_youth, make_center, make_opening):
    client, _admin = login_as(Role.ADMIN)
    opening = make_opening(title="Garment sewer", skills=["sewing"])
    make_youth(center_id=make_center().id, full_name="Dara One", skills=["sewing"])
    make_youth(
        center_id=make_center().id,
        full_name="Vanna Two",
        skills=["sewing"],
        consent_to_share=False,
    )
    page = client.get(f"/openings/{opening.id}/candidates").get_data(as_text=True)
    assert "Dara One" in page and "Vanna Two" in page
    assert "No consent to share" in page


def test_a_minor_is_never_a_candidate_for_an_adults_only_opening(
    login_as, make_youth, make_opening
):
    client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(title="Night guard", skills=["security"], min_age=18)
    make_youth(
        center_id=counselor.center_id,
        full_name="Young Sokha",
        skills=["security"],
        date_of_birth=_years_ago(16),
    )
    page = client.get(f"/openings/{opening.id}/candidates").get_data(as_text=True)
    assert "Young Sokha" not in page


def test_staff_find_the_candidates_link_on_the_opening(login_as, make_opening):
    client, _user = login_as(Role.COUNSELOR)
    opening = make_opening()
    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert f'href="/openings/{opening.id}/candidates"' in page


def test_others_may_not_see_candidates(app, login_as, make_opening):
    opening = make_opening()
    url = f"/openings/{opening.id}/candidates"
    for role in (Role.YOUTH, Role.EMPLOYER):
        assert login_as(role)[0].get(url).status_code == 403
    anonymous = app.test_client().get(url)
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]


def test_an_unknown_opening_has_no_candidates(login_as):
    client, _user = login_as(Role.ADMIN)
    assert client.get("/openings/999999/candidates").status_code == 404


def test_a_skill_matched_several_ways_is_one_line(app):
    from portal.matching.reasons import explain

    with app.test_request_context():
        lines = explain(
            [("skills", {"pairs": [("sewing", "sewing"), ("sewing", "sewing machine")]})]
        )
    assert lines == ["Your skill sewing ↔ sewing, sewing machine"]
