"""Someone trying the portal after `flask demo seed` finds a year behind it: applications and
referrals over twelve months, interviews, refusals with reasons, hires, follow-ups answered and
due, saved openings, held postings and visitors' reports; and nothing in it contradicts itself
(checked over the whole seeded demo)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.audit import AuditEvent
from portal.auth.models import Role
from portal.auth.services import find_user
from portal.demo.builder import LOGINS
from portal.extensions import db, utcnow
from portal.jobs.models import Opening, OpeningKind, OpeningStatus, ScreeningLevel
from portal.placements.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    DismissedOpening,
    FollowUp,
    SavedOpening,
)
from portal.placements.services import REFUSAL_REASONS, TRANSITIONS, add_months
from portal.safety.models import OpeningReport, ReportOutcome
from portal.youth.models import ADULT_AGE, Gender, YouthProfile, age_on

S = ApplicationStatus


@pytest.fixture
def demo(runner):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    return result.output


def all_applications() -> list[Application]:
    query = select(Application).options(
        selectinload(Application.status_changes),
        selectinload(Application.follow_ups),
        selectinload(Application.opening).selectinload(Opening.status_changes),
        selectinload(Application.opening).selectinload(Opening.organization),
        selectinload(Application.youth),
    )
    return list(db.session.scalars(query))


def months_back(today: date, count: int) -> list[tuple[int, int]]:
    """(year, month) of this month and the `count - 1` before it."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def test_the_demo_has_a_year_of_placements(demo, ctx):
    applications = all_applications()
    today = date.today()
    hire_months = {(a.hired_on.year, a.hired_on.month) for a in applications if a.hired_on}
    assert len(hire_months & set(months_back(today, 12))) >= 10
    statuses = Counter(a.status for a in applications)
    assert set(statuses) == set(S)  # every step of the pipeline has someone at it
    assert statuses[S.HIRED] < 0.2 * len(applications)  # most do not end in a hire
    assert {a.source for a in applications} == set(ApplicationSource)
    refusals = Counter(
        c.reason_code for a in applications for c in a.status_changes if c.reason_code
    )
    assert {"skills", "experience", "filled", "no_show", "found_other_work"} <= set(refusals)
    assert any(a.opening.kind == OpeningKind.COURSE and a.hired_on for a in applications)
    centers = {a.youth.center_id for a in applications}
    assert len(centers) == 7  # every demo center has a caseload
    assert len({a.youth.province_code for a in applications}) >= 20


def test_follow_ups_are_answered_due_and_overdue(demo, ctx):
    today = date.today()
    follow_ups = db.session.scalars(select(FollowUp)).all()
    answers = Counter((f.month, f.still_employed) for f in follow_ups)
    for month in (1, 3):
        assert answers[(month, True)] > answers[(month, False)] > 0
    unanswered = [f for f in follow_ups if f.still_employed is None]
    assert any(f.due_on < today for f in unanswered)  # overdue: the counselor must call
    assert any(f.due_on > today for f in unanswered)  # coming
    assert any(f.answered_via == "telegram" for f in follow_ups)


def test_more_women_apply_to_garment_work_and_more_men_to_building_sites(demo, ctx):
    by_sector = {"garment": Counter(), "construction": Counter()}
    for application in all_applications():
        name = application.opening.organization.name.lower()
        for sector in by_sector:
            if sector in name:
                by_sector[sector][application.youth.gender] += 1
    garment, building = by_sector["garment"], by_sector["construction"]
    assert garment[Gender.FEMALE] > 2 * garment[Gender.MALE]
    assert building[Gender.MALE] > 2 * building[Gender.FEMALE]


def test_saved_openings_not_for_me_held_postings_and_reports(demo, ctx):
    assert db.session.scalars(select(SavedOpening)).first() is not None
    assert db.session.scalars(select(DismissedOpening)).first() is not None
    openings = db.session.scalars(select(Opening)).all()
    held = [o for o in openings if o.screening_level != ScreeningLevel.NONE]
    assert {o.status for o in held} >= {OpeningStatus.DECLINED, OpeningStatus.PENDING_REVIEW}
    assert any(o.status == OpeningStatus.PUBLISHED and o.screening_confirmed_by_id for o in held)
    reports = db.session.scalars(select(OpeningReport)).all()
    assert {r.outcome for r in reports} == {None, *ReportOutcome}
    past = [o for o in openings if o.published_at and o.published_at < utcnow() - timedelta(300)]
    assert past and all(o.status == OpeningStatus.CLOSED for o in past)


def check_pipeline(application: Application) -> None:
    """Each step one the services allow, in time order, from its start to its status now."""
    changes = application.status_changes
    start = S.REFERRED if application.source == ApplicationSource.REFERRED else S.APPLIED
    assert changes[0].from_status is None and changes[0].to_status == start
    assert changes[0].changed_at == application.created_at
    for before, after in zip(changes, changes[1:], strict=False):
        assert after.from_status == before.to_status
        assert after.to_status in TRANSITIONS[before.to_status]
        assert after.changed_at > before.changed_at
    assert changes[-1].to_status == application.status
    assert changes[-1].changed_at <= utcnow()
    for change in changes:
        assert change.changed_by_id is not None
        assert change.reason_code is None or change.reason_code in REFUSAL_REASONS
        assert change.to_status != S.NOT_SELECTED or change.reason_code


def check_hire(application: Application) -> None:
    """A hire went through an interview, on the day it says; its follow-ups fall after it."""
    hired = [c for c in application.status_changes if c.to_status == S.HIRED]
    if application.status != S.HIRED:
        assert application.hired_on is None
        assert all(f.still_employed is not None for f in application.follow_ups)
        return
    assert hired and hired[-1].changed_at.date() == application.hired_on
    assert hired[-1].from_status == S.INTERVIEW
    assert sorted(f.month for f in application.follow_ups) == [1, 3]
    employed = True
    for follow_up in application.follow_ups:
        assert follow_up.due_on == add_months(application.hired_on, follow_up.month)
        assert follow_up.due_on > application.hired_on
        if follow_up.still_employed is not None:
            assert follow_up.recorded_at.date() >= follow_up.due_on
            assert follow_up.recorded_at <= utcnow() and follow_up.recorded_by_id
            assert employed or not follow_up.still_employed  # once left, left
            employed = follow_up.still_employed


def check_open_to_her(application: Application) -> None:
    """The opening was public when she applied, and open to her: registered, agreed to share,
    old enough, and no minor on hazardous or adults-only work."""
    opening, youth, day = application.opening, application.youth, application.created_at
    assert opening.organization.is_verified
    assert opening.published_at is not None and opening.published_at <= day
    assert opening.closing_date is None or day.date() <= opening.closing_date
    closed = [c.changed_at for c in opening.status_changes if c.to_status == OpeningStatus.CLOSED]
    assert not closed or day < closed[0]
    assert youth.created_at < day and youth.consent_to_share
    age = age_on(youth.date_of_birth, day.date())
    assert age >= opening.min_age
    assert age >= ADULT_AGE or not (opening.hazardous or opening.min_age >= ADULT_AGE)


def test_nothing_in_the_seeded_demo_contradicts_itself(demo, ctx):
    applications = all_applications()
    assert len(applications) > 500
    for application in applications:
        check_pipeline(application)
        check_hire(application)
        check_open_to_her(application)
    hires = Counter(a.opening_id for a in applications if a.status == S.HIRED)
    openings = {a.opening_id: a.opening for a in applications}
    assert all(count <= openings[id_].positions for id_, count in hires.items())
    pairs = Counter((a.opening_id, a.youth_id) for a in applications)
    assert max(pairs.values()) == 1
    # Every step is on the audit trail, at the time it was made.
    steps = {(a.id, c.changed_at) for a in applications for c in a.status_changes}
    query = select(AuditEvent).where(AuditEvent.subject_type == "application")
    trail = {(e.subject_id, e.at) for e in db.session.scalars(query)}
    assert steps <= trail
    assert not db.session.scalars(select(FollowUp).where(FollowUp.application_id.is_(None))).all()


def log_in(client, role) -> None:
    login = LOGINS[role]
    response = client.post("/login", data={"identifier": login.login, "password": login.password})
    assert response.status_code == 302


def test_the_counselor_and_the_employer_see_the_history(demo, app, ctx):
    center_id = find_user(LOGINS[Role.COUNSELOR].login).center_id
    counselor = app.test_client()
    log_in(counselor, Role.COUNSELOR)
    caseload = counselor.get("/caseload?status=hired").get_data(as_text=True)
    hired = db.session.scalars(
        select(Application)
        .join(Application.youth)
        .where(Application.status == S.HIRED, YouthProfile.center_id == center_id)
        .order_by(Application.updated_at.desc())
    ).first()
    assert str(escape(hired.youth.full_name)) in caseload
    due = counselor.get("/follow-ups").get_data(as_text=True)
    overdue = db.session.scalars(
        select(FollowUp)
        .join(FollowUp.application)
        .join(Application.youth)
        .where(FollowUp.still_employed.is_(None), YouthProfile.center_id == center_id)
        .order_by(FollowUp.due_on)
    ).first()
    assert overdue.due_on < date.today()
    assert str(escape(overdue.application.youth.full_name)) in due

    employer = app.test_client()
    log_in(employer, Role.EMPLOYER)
    organization_id = find_user(LOGINS[Role.EMPLOYER].login).organization_id
    own = db.session.scalars(
        select(Application)
        .join(Application.opening)
        .where(Opening.organization_id == organization_id)
    ).all()
    assert len(own) >= 20
    opening = Counter(a.opening for a in own).most_common(1)[0][0]
    page = employer.get(f"/employer/openings/{opening.id}/applicants")
    assert page.status_code == 200
    assert page.get_data(as_text=True).count("/employer/applications/") >= 2
