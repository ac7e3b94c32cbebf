"""Creating and editing openings through the services, with every status change recorded."""

from datetime import date

import pytest

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import Currency, OpeningKind, OpeningStatus
from portal.skills import parse_skills


def fields(**overrides) -> dict:
    data = {
        "kind": OpeningKind.JOB,
        "title": "Cook",
        "description": "Cook rice and soup.",
        "skills": ["cooking"],
        "province_code": "17",
        "district_code": None,
        "salary_min": 150,
        "salary_max": 200,
        "currency": Currency.USD,
        "min_age": 18,
        "positions": 2,
        "closing_date": date(2099, 1, 1),
        "ref": None,
    }
    data.update(overrides)
    return data


def test_an_employers_new_opening_waits_for_review_with_history(make_user):
    employer = make_user(Role.EMPLOYER)
    opening = services.create_opening(employer.organization, fields(), by=employer)
    db.session.commit()
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert opening.ref == "WEB-0001"
    assert opening.created_by_id == employer.id
    [change] = opening.status_changes
    assert change.from_status is None and change.to_status == OpeningStatus.PENDING_REVIEW
    assert change.changed_by_id == employer.id


def test_staff_publish_at_once_or_keep_a_draft(make_user, make_org):
    counselor = make_user(Role.COUNSELOR)
    org = make_org()
    published = services.create_opening(org, fields(), by=counselor, publish_now=True)
    draft = services.create_opening(org, fields(), by=counselor)
    db.session.commit()
    assert published.status == OpeningStatus.PUBLISHED and published.published_at is not None
    assert draft.status == OpeningStatus.DRAFT
    assert (published.ref, draft.ref) == ("WEB-0001", "WEB-0002")


def test_an_employer_cannot_publish_by_asking(make_user):
    employer = make_user(Role.EMPLOYER)
    opening = services.create_opening(
        employer.organization, fields(), by=employer, publish_now=True
    )
    assert opening.status == OpeningStatus.PENDING_REVIEW


def test_course_details_belong_to_courses_only(make_user, make_org):
    counselor = make_user(Role.COUNSELOR)
    course = {
        "start_date": date(2099, 2, 1),
        "duration_weeks": 4,
        "fee": 0,
        "fee_currency": Currency.USD,
        "scholarship_available": False,
    }
    opening = services.create_opening(
        make_org(), fields(kind=OpeningKind.COURSE), by=counselor, course=course
    )
    db.session.commit()
    assert opening.course.duration_weeks == 4 and opening.course.is_free
    services.update_opening(opening, fields(kind=OpeningKind.JOB), by=counselor, course=course)
    db.session.commit()
    assert opening.course is None


def test_an_employers_edit_of_a_published_or_rejected_opening_goes_back_to_review(
    make_user, make_opening
):
    employer = make_user(Role.EMPLOYER)
    for status in (OpeningStatus.PUBLISHED, OpeningStatus.REJECTED, OpeningStatus.DRAFT):
        opening = make_opening(organization=employer.organization, status=status)
        assert services.edit_needs_review(opening, by=employer)
        assert services.update_opening(opening, fields(title="Better"), by=employer) is True
        assert opening.status == OpeningStatus.PENDING_REVIEW
        assert opening.status_changes[-1].from_status == status


def test_an_employers_edit_of_a_pending_or_closed_opening_keeps_its_status(make_user, make_opening):
    employer = make_user(Role.EMPLOYER)
    for status in (OpeningStatus.PENDING_REVIEW, OpeningStatus.CLOSED):
        opening = make_opening(organization=employer.organization, status=status)
        assert services.update_opening(opening, fields(), by=employer) is False
        assert opening.status == status
        assert opening.status_changes == []


def test_staff_edits_never_change_the_status(make_user, make_opening):
    admin = make_user(Role.ADMIN)
    opening = make_opening()
    assert services.update_opening(opening, fields(title="Fixed"), by=admin) is False
    assert opening.status == OpeningStatus.PUBLISHED
    assert opening.title == "Fixed"


def test_only_the_form_fields_can_be_set(make_user, make_opening):
    admin = make_user(Role.ADMIN)
    opening = make_opening()
    with pytest.raises(ValueError, match="status"):  # statuses change only through the services
        services.update_opening(opening, {"status": OpeningStatus.DRAFT}, by=admin)


def test_which_status_changes_are_allowed(make_opening):
    pending = make_opening(status=OpeningStatus.PENDING_REVIEW)
    published = make_opening()
    assert services.can_change_status(pending, OpeningStatus.PUBLISHED)
    assert services.can_change_status(pending, OpeningStatus.REJECTED)
    assert not services.can_change_status(pending, OpeningStatus.CLOSED)
    assert not services.can_change_status(published, OpeningStatus.PUBLISHED)
    assert not services.can_change_status(published, OpeningStatus.REJECTED)
    assert services.can_change_status(published, OpeningStatus.CLOSED)


def test_skills_are_trimmed_and_not_repeated():
    assert parse_skills(" Sewing, sewing ,ironing,, , cutting  cloth; Ironing") == [
        "Sewing",
        "ironing",
        "cutting cloth",
    ]
    assert parse_skills("") == []
    assert parse_skills(None) == []
