"""Applications as named changes: apply once, the pipeline's steps, who may take them, what is
recorded, who is told, and what a hire starts (follow-ups, a filled opening closes)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.notifications.models import Notification, NotificationKind
from portal.placements import services
from portal.placements.cv import CvFile
from portal.placements.models import Application, ApplicationStatus, SavedOpening
from portal.placements.services import ApplicationError, NotAllowed, add_months
from tests.placements import pdfs

S = ApplicationStatus
TODAY = date.today()
PDF = pdfs.plain_cv()


@pytest.fixture
def center(make_center):
    return make_center(name="Battambang center", phone="012 345 678")


@pytest.fixture
def youth_user(make_user, center):
    user = make_user(Role.YOUTH)
    user.youth_profile.center_id = center.id
    db.session.commit()
    return user


@pytest.fixture
def employer(make_user):
    return make_user(Role.EMPLOYER)


@pytest.fixture
def opening(make_opening, employer):
    return make_opening(organization=employer.organization, positions=2)


@pytest.fixture
def counselor(make_user, center):
    return make_user(Role.COUNSELOR, center_id=center.id)


def _apply(opening, youth_user, **kwargs):
    application = services.apply(opening, youth_user.youth_profile, by=youth_user, **kwargs)
    db.session.commit()
    return application


def _notes(user, kind):
    return db.session.scalars(
        select(Notification).where(Notification.user_id == user.id, Notification.kind == kind)
    ).all()


# --- applying ------------------------------------------------------------------------------


def test_a_youth_applies_and_the_employer_is_told(opening, youth_user, employer):
    application = _apply(opening, youth_user, message="  I can start Monday.  ")

    assert application.status == S.APPLIED
    assert application.message == "I can start Monday."
    [change] = application.status_changes
    assert (change.from_status, change.to_status, change.changed_by_id) == (
        None,
        S.APPLIED,
        youth_user.id,
    )
    [note] = _notes(employer, NotificationKind.NEW_APPLICATION)
    assert note.params["opening_title"] == opening.title
    assert note.params["youth_name"] == youth_user.youth_profile.full_name


def test_a_youth_cannot_apply_twice(opening, youth_user):
    _apply(opening, youth_user)

    with pytest.raises(ApplicationError, match="already an application"):
        _apply(opening, youth_user)
    assert len(db.session.scalars(select(Application)).all()) == 1


def test_the_unique_key_stops_a_second_application_that_slips_past_the_check(
    opening, youth_user, monkeypatch
):
    _apply(opening, youth_user)
    monkeypatch.setattr(services, "existing_application", lambda *_: None)

    with pytest.raises(ApplicationError, match="already an application"):
        _apply(opening, youth_user)
    db.session.rollback()
    assert len(db.session.scalars(select(Application)).all()) == 1


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"status": OpeningStatus.CLOSED}, "closed"),
        ({"status": OpeningStatus.PENDING_REVIEW}, "not open"),
        ({"closing_date": TODAY - timedelta(days=1)}, "closing date"),
    ],
)
def test_a_closed_expired_or_unpublished_opening_refuses_applications(
    make_opening, youth_user, fields, words
):
    opening = make_opening(**fields)

    with pytest.raises(ApplicationError, match=words):
        _apply(opening, youth_user)


def test_an_opening_of_an_unverified_organization_refuses_applications(
    make_opening, make_org, youth_user
):
    opening = make_opening(organization=make_org(verified=False))

    with pytest.raises(ApplicationError, match="not open"):
        _apply(opening, youth_user)


@pytest.mark.parametrize(
    ("fields", "words"),
    [({"hazardous": True, "min_age": 18}, "not safe"), ({"min_age": 18}, "18 or older")],
)
def test_a_minor_cannot_apply_to_adult_only_or_hazardous_work(
    make_opening, youth_user, fields, words
):
    youth_user.youth_profile.date_of_birth = date(TODAY.year - 16, 1, 1)
    opening = make_opening(**fields)

    with pytest.raises(ApplicationError, match=words):
        _apply(opening, youth_user)


def test_a_youth_cannot_apply_in_someone_elses_name(opening, youth_user, make_user):
    other = make_user(Role.YOUTH)

    with pytest.raises(NotAllowed):
        services.apply(opening, youth_user.youth_profile, by=other)


def test_a_message_of_more_than_1000_characters_is_refused(opening, youth_user):
    with pytest.raises(ApplicationError) as error:
        _apply(opening, youth_user, message="x" * 1001)
    assert error.value.field == "message"


def test_a_cv_is_kept_with_the_application(opening, youth_user):
    application = _apply(opening, youth_user, cv=CvFile("My CV.pdf", PDF))

    assert application.cv.filename == "My CV.pdf"
    assert application.cv.size == len(PDF)
    assert application.cv.data == PDF


def test_a_refused_cv_leaves_no_application(opening, youth_user):
    with pytest.raises(ApplicationError) as error:
        _apply(opening, youth_user, cv=CvFile("cv.pdf", b"PK\x03\x04 a docx"))

    assert error.value.field == "cv"
    assert db.session.scalars(select(Application)).all() == []


# --- referring -----------------------------------------------------------------------------


def test_a_counselor_refers_a_youth_of_their_center_with_a_note(
    opening, youth_user, counselor, employer
):
    application = services.refer(
        opening, youth_user.youth_profile, by=counselor, note="Careful and on time."
    )
    db.session.commit()

    assert (application.status, application.referral_note) == (S.REFERRED, "Careful and on time.")
    assert application.referred_by_id == counselor.id
    [note] = _notes(employer, NotificationKind.NEW_APPLICATION)
    assert note.params["source"] == "referred"


def test_a_referral_needs_a_note_and_a_counselor_of_the_youths_center(
    opening, youth_user, make_user
):
    with pytest.raises(ApplicationError) as error:
        services.refer(opening, youth_user.youth_profile, by=make_user(Role.ADMIN), note=" ")
    assert error.value.field == "note"
    with pytest.raises(NotAllowed):
        services.refer(opening, youth_user.youth_profile, by=make_user(Role.COUNSELOR), note="ok")


# --- the pipeline --------------------------------------------------------------------------


def test_the_employer_moves_an_application_along_and_the_youth_is_told(
    opening, youth_user, employer
):
    application = _apply(opening, youth_user)

    services.move(application, S.SHORTLISTED, by=employer)
    services.move(application, S.INTERVIEW, by=employer)
    db.session.commit()

    assert application.status == S.INTERVIEW
    assert [c.to_status for c in application.status_changes] == [
        S.APPLIED,
        S.SHORTLISTED,
        S.INTERVIEW,
    ]
    assert application.status_changes[-1].changed_by_id == employer.id
    told = _notes(youth_user, NotificationKind.STATUS_CHANGE)
    assert [n.params["status"] for n in told] == ["shortlisted", "interview"]


def test_steps_cannot_be_skipped_or_taken_backwards(opening, youth_user, employer):
    application = _apply(opening, youth_user)

    with pytest.raises(ApplicationError, match="cannot go from"):
        services.move(application, S.HIRED, by=employer)
    services.move(application, S.SHORTLISTED, by=employer)
    with pytest.raises(ApplicationError, match="cannot go from"):
        services.move(application, S.APPLIED, by=employer)


def test_not_selected_needs_a_reason_from_the_list(opening, youth_user, employer):
    application = _apply(opening, youth_user)

    with pytest.raises(ApplicationError) as error:
        services.move(application, S.NOT_SELECTED, by=employer)
    assert error.value.field == "reason_code"
    with pytest.raises(ApplicationError):
        services.move(application, S.NOT_SELECTED, by=employer, reason_code="made-up")

    services.move(
        application, S.NOT_SELECTED, by=employer, reason_code="experience", reason="Next time"
    )
    change = application.status_changes[-1]
    assert (change.reason_code, change.reason) == ("experience", "Next time")


def test_nobody_moves_back_from_hired_without_a_reason(opening, youth_user, employer, counselor):
    application = _hired(opening, youth_user, employer)

    with pytest.raises(ApplicationError, match="needs a reason"):
        services.move(application, S.NOT_SELECTED, by=employer)
    with pytest.raises(ApplicationError, match="needs a reason"):
        services.move(application, S.WITHDRAWN, by=counselor)
    with pytest.raises(ApplicationError, match="needs a reason"):
        services.withdraw(application, by=youth_user)
    assert application.status == S.HIRED

    services.withdraw(application, by=youth_user, reason="I did not start: I moved to Siem Reap.")
    assert application.status == S.WITHDRAWN
    assert application.hired_on is None
    assert application.follow_ups == []


def _hired(opening, youth_user, employer, day=TODAY):
    application = _apply(opening, youth_user)
    application.created_at = min(application.created_at, datetime.combine(day, time()))
    for step in (S.SHORTLISTED, S.INTERVIEW):
        services.move(application, step, by=employer)
    services.move(application, S.HIRED, by=employer, day=day)
    db.session.commit()
    return application


def test_a_hire_starts_follow_ups_at_one_and_three_months(opening, youth_user, employer):
    application = _hired(opening, youth_user, employer, day=date(2026, 8, 31))

    assert application.hired_on == date(2026, 8, 31)
    assert [(f.month, f.due_on) for f in application.follow_ups] == [
        (1, date(2026, 9, 30)),
        (3, date(2026, 11, 30)),
    ]


def test_months_are_calendar_months():
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_the_opening_closes_when_all_places_are_filled(opening, youth_user, employer, make_user):
    _hired(opening, youth_user, employer)
    assert opening.status == OpeningStatus.PUBLISHED  # 1 of 2 places

    _hired(opening, make_user(Role.YOUTH), employer)

    assert opening.status == OpeningStatus.CLOSED
    assert opening.status_changes[-1].reason == "All places are filled."


# --- who may do what -----------------------------------------------------------------------


def test_an_employer_cannot_move_another_organizations_application(opening, youth_user, make_user):
    application = _apply(opening, youth_user)
    stranger = make_user(Role.EMPLOYER)

    with pytest.raises(NotAllowed):
        services.move(application, S.SHORTLISTED, by=stranger)
    assert application.status == S.APPLIED


def test_a_youth_may_only_withdraw_their_own(opening, youth_user, make_user):
    application = _apply(opening, youth_user)

    with pytest.raises(NotAllowed):
        services.move(application, S.SHORTLISTED, by=youth_user)
    with pytest.raises(NotAllowed):
        services.withdraw(application, by=make_user(Role.YOUTH))
    services.withdraw(application, by=youth_user, reason="Found other work")
    assert application.status == S.WITHDRAWN


def test_an_employer_cannot_withdraw_for_the_youth(opening, youth_user, employer):
    application = _apply(opening, youth_user)

    with pytest.raises(NotAllowed):
        services.withdraw(application, by=employer)


def test_only_a_counselor_of_the_center_moves_or_reopens(
    opening, youth_user, employer, counselor, make_user
):
    application = _apply(opening, youth_user)
    with pytest.raises(NotAllowed):
        services.move(application, S.SHORTLISTED, by=make_user(Role.COUNSELOR))
    services.move(application, S.NOT_SELECTED, by=employer, reason_code="filled")

    with pytest.raises(ApplicationError, match="cannot go from"):
        services.move(application, S.SHORTLISTED, by=employer)
    with pytest.raises(ApplicationError, match="needs a reason"):
        services.reopen(application, by=counselor, reason="")
    services.reopen(application, by=counselor, reason="A place is free again.")

    assert application.status == S.APPLIED
    assert application.status_changes[-1].reason == "A place is free again."


def test_the_buttons_each_side_gets(opening, youth_user, employer, counselor):
    application = _apply(opening, youth_user)

    assert services.allowed_moves(application, employer) == [S.SHORTLISTED, S.NOT_SELECTED]
    assert services.allowed_moves(application, youth_user) == [S.WITHDRAWN]
    assert services.allowed_moves(application, counselor) == [
        S.SHORTLISTED,
        S.NOT_SELECTED,
        S.WITHDRAWN,
    ]


# --- saved openings ------------------------------------------------------------------------


def test_saving_an_opening_twice_keeps_one_and_unsaving_removes_it(opening, youth_user):
    youth = youth_user.youth_profile
    services.save_opening(youth, opening)
    services.save_opening(youth, opening)
    assert len(db.session.scalars(select(SavedOpening)).all()) == 1
    assert services.is_saved(youth, opening)

    services.unsave_opening(youth, opening)
    services.unsave_opening(youth, opening)
    assert not services.is_saved(youth, opening)


def test_not_for_me_twice_keeps_one_and_can_be_taken_back(opening, youth_user):
    youth = youth_user.youth_profile
    services.dismiss_opening(youth, opening)
    services.dismiss_opening(youth, opening)
    assert services.dismissed_opening_ids(youth) == {opening.id}

    services.undismiss_opening(youth, opening)
    services.undismiss_opening(youth, opening)
    assert services.dismissed_opening_ids(youth) == set()
