"""Posting and editing openings: employers send them for review, staff publish or keep drafts."""

from datetime import date, timedelta

from sqlalchemy import func, select

from portal.auth.models import Role
from portal.courses.models import CourseDetails
from portal.extensions import db
from portal.jobs.models import Opening, OpeningKind, OpeningStatus
from tests.jobs.payloads import course_payload, opening_payload


def opening_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Opening))


def only_opening() -> Opening:
    return db.session.scalars(select(Opening)).one()


def test_an_employer_posting_waits_for_a_counselor_and_is_not_public(client, login_as):
    employer_client, employer = login_as(Role.EMPLOYER)
    response = employer_client.post("/openings/new", data=opening_payload())
    assert response.status_code == 302
    opening = only_opening()
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert opening.organization_id == employer.organization_id
    assert opening.skills == ["sewing", "ironing"]
    assert opening.ref == "WEB-0001"
    assert opening.status_changes[-1].changed_by_id == employer.id
    page = employer_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "A counselor will check your opening." in page
    assert "Sewing machine operator" not in client.get("/openings").get_data(as_text=True)
    assert client.get(f"/openings/{opening.id}").status_code == 404


def test_the_employer_form_says_a_counselor_checks_and_has_no_organization_choice(login_as):
    client, _ = login_as(Role.EMPLOYER)
    html = client.get("/openings/new").get_data(as_text=True)
    assert "A counselor checks every new opening." in html
    assert 'name="organization"' not in html
    assert "Send for review" in html


def test_an_employer_cannot_post_for_another_organization(login_as, make_org):
    client, employer = login_as(Role.EMPLOYER)
    other = make_org(name="Someone Else Ltd")
    client.post("/openings/new", data=opening_payload(organization=str(other.id)))
    assert only_opening().organization_id == employer.organization_id


def test_a_counselor_publishes_directly_for_a_chosen_organization(client, login_as, make_org):
    counselor_client, counselor = login_as(Role.COUNSELOR)
    org = make_org(name="Angkor Hotel")
    form = counselor_client.get(f"/openings/new?organization={org.id}").get_data(as_text=True)
    assert f'<option selected value="{org.id}">Angkor Hotel</option>' in form
    counselor_client.post(
        "/openings/new", data=opening_payload(organization=str(org.id), publish="1")
    )
    opening = only_opening()
    assert opening.status == OpeningStatus.PUBLISHED
    assert opening.organization_id == org.id
    assert opening.created_by_id == counselor.id
    assert "Sewing machine operator" in client.get("/openings").get_data(as_text=True)


def test_a_counselor_can_keep_a_draft_that_is_not_public(client, login_as, make_org):
    counselor_client, _ = login_as(Role.COUNSELOR)
    org = make_org()
    counselor_client.post(
        "/openings/new", data=opening_payload(organization=str(org.id), save_draft="1")
    )
    opening = only_opening()
    assert opening.status == OpeningStatus.DRAFT
    assert client.get(f"/openings/{opening.id}").status_code == 404
    assert counselor_client.get(f"/openings/{opening.id}").status_code == 200


def test_youth_cannot_post_and_visitors_are_asked_to_log_in(client, login_as):
    youth, _ = login_as(Role.YOUTH)
    assert youth.get("/openings/new").status_code == 403
    response = client.get("/openings/new")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def assert_refused(response, message: str) -> str:
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in html
    assert "Sewing machine operator" in html  # what was typed is kept
    assert opening_count() == 0
    return html


def test_a_district_outside_the_province_is_refused_next_to_the_field(login_as):
    client, _ = login_as(Role.EMPLOYER)
    response = client.post("/openings/new", data=opening_payload(district="1501"))
    html = assert_refused(response, "This district is not in the chosen province.")
    assert 'id="district-error"' in html


def test_highest_pay_below_lowest_pay_is_refused(login_as):
    client, _ = login_as(Role.EMPLOYER)
    response = client.post("/openings/new", data=opening_payload(salary_min="300"))
    html = assert_refused(response, "The highest pay cannot be less than the lowest pay.")
    assert 'id="salary_max-error"' in html
    assert 'value="300"' in html


def test_pay_without_a_currency_is_refused(login_as):
    client, _ = login_as(Role.EMPLOYER)
    response = client.post("/openings/new", data=opening_payload(currency=""))
    assert_refused(response, "Choose the currency of the pay.")


def test_a_closing_date_in_the_past_is_refused(login_as):
    client, _ = login_as(Role.EMPLOYER)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    response = client.post("/openings/new", data=opening_payload(closing_date=yesterday))
    html = assert_refused(response, "The closing date is already past.")
    assert 'id="closing_date-error"' in html


def test_a_reference_already_used_by_the_organization_is_refused(login_as, make_opening):
    client, employer = login_as(Role.EMPLOYER)
    make_opening(organization=employer.organization, ref="GT-7", title="Older job")
    response = client.post("/openings/new", data=opening_payload(ref="GT-7"))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Another opening of this organization already uses GT-7." in html
    assert 'id="ref-error"' in html
    assert opening_count() == 1


def test_the_same_reference_in_another_organization_is_fine(login_as, make_opening):
    client, _ = login_as(Role.EMPLOYER)
    make_opening(ref="GT-7")
    assert client.post("/openings/new", data=opening_payload(ref="GT-7")).status_code == 302


def test_minimum_age_is_15_for_jobs_but_12_is_allowed_for_courses(login_as):
    client, _ = login_as(Role.EMPLOYER)
    response = client.post("/openings/new", data=opening_payload(min_age="13"))
    assert_refused(response, "Choose an age from 15 to 65.")
    response = client.post("/openings/new", data=course_payload(min_age="13"))
    assert response.status_code == 302
    assert only_opening().min_age == 13


def test_course_details_are_saved_and_shown(login_as):
    client, _ = login_as(Role.EMPLOYER)
    response = client.post("/openings/new", data=course_payload())
    opening = only_opening()
    assert opening.kind == OpeningKind.COURSE
    assert opening.course.duration_weeks == 6
    assert opening.course.fee == 0
    assert opening.course.scholarship_available is True
    assert opening.salary_min is None and opening.currency is None
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "6 weeks" in html
    assert "Free" in html


def test_course_fields_are_not_saved_for_a_job(login_as):
    client, _ = login_as(Role.EMPLOYER)
    client.post("/openings/new", data=opening_payload(duration_weeks="4", fee="100"))
    assert only_opening().course is None


def test_the_employer_edits_a_published_opening_and_it_goes_back_to_review(
    client, login_as, make_opening
):
    employer_client, employer = login_as(Role.EMPLOYER)
    opening = make_opening(organization=employer.organization, title="Old title", ref="GT-1")
    form = employer_client.get(f"/openings/{opening.id}/edit").get_data(as_text=True)
    assert "When you save, a counselor checks the opening again." in form
    assert 'value="Old title"' in form
    response = employer_client.post(
        f"/openings/{opening.id}/edit", data=opening_payload(title="New title", ref="GT-1")
    )
    assert response.status_code == 302
    db.session.refresh(opening)
    assert opening.title == "New title"
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert client.get(f"/openings/{opening.id}").status_code == 404


def test_an_empty_reference_keeps_the_old_one_on_edit(login_as, make_opening):
    client, employer = login_as(Role.EMPLOYER)
    opening = make_opening(organization=employer.organization, ref="GT-9")
    client.post(f"/openings/{opening.id}/edit", data=opening_payload(ref=""))
    db.session.refresh(opening)
    assert opening.ref == "GT-9"


def test_an_employer_cannot_edit_another_organizations_openings(login_as, make_opening):
    client, _ = login_as(Role.EMPLOYER)
    pending = make_opening(status=OpeningStatus.PENDING_REVIEW, title="Their pending job")
    published = make_opening(title="Their public job")
    assert client.get(f"/openings/{pending.id}/edit").status_code == 404
    assert client.post(f"/openings/{pending.id}/edit", data=opening_payload()).status_code == 404
    assert client.get(f"/openings/{published.id}/edit").status_code == 403
    assert client.post(f"/openings/{published.id}/edit", data=opening_payload()).status_code == 403
    db.session.refresh(published)
    assert published.title == "Their public job"


def test_staff_edit_any_opening_without_changing_its_status(login_as, make_opening):
    client, _ = login_as(Role.ADMIN)
    opening = make_opening(title="Typo jbo")
    client.post(f"/openings/{opening.id}/edit", data=opening_payload(title="Typo job"))
    db.session.refresh(opening)
    assert opening.title == "Typo job"
    assert opening.status == OpeningStatus.PUBLISHED


def test_turning_a_course_into_a_job_removes_the_course_details(login_as, make_opening):
    client, _ = login_as(Role.COUNSELOR)
    opening = make_opening(kind=OpeningKind.COURSE)
    opening.course = CourseDetails(fee=10)
    db.session.commit()
    client.post(f"/openings/{opening.id}/edit", data=opening_payload())
    assert db.session.scalar(select(func.count()).select_from(CourseDetails)) == 0


def test_editing_a_missing_opening_is_404(login_as):
    client, _ = login_as(Role.COUNSELOR)
    assert client.get("/openings/999999/edit").status_code == 404
