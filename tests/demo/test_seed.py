"""A newcomer runs `flask demo seed` and gets a portal full of realistic data to try."""

from __future__ import annotations

from datetime import date

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.centers.models import Center
from portal.demo import data
from portal.demo.builder import DEMO_LOGINS
from portal.extensions import db
from portal.jobs.models import Opening, OpeningKind, OpeningStatus
from portal.jobs.queries import published_openings
from portal.orgs.models import Organization
from portal.places import provinces
from portal.youth.models import EducationLevel, Gender, YouthProfile

ROLE_HOMES = {"youth": "/me/profile", "employer": "/employer", "counselor": "/caseload"}


@pytest.fixture
def seed_output(runner):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    return result.output


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_seed_builds_the_centers_with_a_counselor_each(seed_output, ctx):
    centers = db.session.scalars(select(Center)).all()
    own = {c.province_code for c in centers if not c.is_partner}
    partners = {c.province_code for c in centers if c.is_partner}
    assert own == {"12", "17", "11"}  # Phnom Penh, Siem Reap, Mondulkiri
    assert partners == {"20", "14", "15", "04"}  # Svay Rieng, Prey Veng, Pursat, Kampong Chhnang
    for center in centers:
        assert [u.role for u in center.staff if u.role == Role.COUNSELOR], center.name


def test_the_demo_centers_serve_every_province_once(seed_output, ctx):
    centers = {c.province_code: c for c in db.session.scalars(select(Center))}
    assert centers["15"].served_provinces == {"15", "24"}  # Pursat, and Pailin beside it
    served = [code for center in centers.values() for code in center.served_provinces]
    assert sorted(served) == sorted(p.code for p in provinces())  # each counselor has a scope


def test_seed_builds_openings_in_every_province(seed_output, ctx):
    assert count(Organization) >= 40
    verified = db.session.scalar(select(func.count()).where(Organization.verified_at.is_not(None)))
    assert verified >= 0.8 * count(Organization)
    openings = db.session.scalars(select(Opening)).all()
    assert len(openings) >= 300
    assert {o.province_code for o in openings} == {p.code for p in provinces()}
    assert {o.kind for o in openings} == set(OpeningKind)
    statuses = [o.status for o in openings]
    # Today's are mostly public; a year of them closed when filled or past their date.
    assert statuses.count(OpeningStatus.PUBLISHED) > 0.55 * len(openings)
    assert statuses.count(OpeningStatus.CLOSED) > 0.2 * len(openings)
    for status in (OpeningStatus.PENDING_REVIEW, OpeningStatus.DRAFT, OpeningStatus.CLOSED):
        assert status in statuses
    courses = [o for o in openings if o.kind == OpeningKind.COURSE]
    assert all(o.course is not None and o.course.start_date for o in courses)
    assert any(o.course.is_free for o in courses) and any(not o.course.is_free for o in courses)
    assert any("ជាង" in o.title for o in openings)  # some titles are in Khmer


def test_seed_says_what_the_work_needs(seed_output, ctx):
    """Some building and machine work is hazardous (adults only); office and hotel work asks
    for school and English, so matching can say "Needs: English"."""
    openings = db.session.scalars(published_openings()).all()
    hazardous = [o for o in openings if o.hazardous]
    assert len(hazardous) >= 5 and all(o.min_age >= 18 for o in hazardous)
    assert {"Welder", "Construction worker"} & {o.title for o in hazardous}
    upper = [o for o in openings if o.min_education == EducationLevel.UPPER_SECONDARY]
    english = [o for o in openings if "en" in o.languages]
    assert len(upper) >= 5 and len(english) >= 10
    assert any("receptionist" in o.title.lower() for o in english)


def test_a_demo_course_lists_what_it_teaches_and_nothing_else(seed_output, ctx):
    taught = [
        set(template["skills"])
        for name, sector in data.sectors().items()
        if name != "how_to_apply"
        for template in sector["courses"]
    ]
    courses = db.session.scalars(select(Opening).where(Opening.kind == OpeningKind.COURSE)).all()
    assert courses and all(set(course.skills) in taught for course in courses)


def test_demo_suggestions_say_needs_english(seed_output, ctx, app):
    from portal.matching.reasons import explain
    from portal.matching.services import suggestions_for

    no_english = db.session.scalars(select(YouthProfile).order_by(YouthProfile.id)).all()
    no_english = [y for y in no_english if y.skills and "en" not in y.languages]
    with app.test_request_context():
        needs = [
            sentence
            for youth in no_english[:150]
            for _opening, match in suggestions_for(youth)
            for sentence in explain(match.reasons)
            if sentence.startswith("Needs:")
        ]
    assert any("English" in sentence for sentence in needs)


def test_seed_registers_500_young_people(seed_output, ctx):
    youth = db.session.scalars(select(YouthProfile)).all()
    assert len(youth) >= 500
    genders = [y.gender for y in youth]
    assert genders.count(Gender.FEMALE) > 200 and genders.count(Gender.MALE) > 200
    assert all(15 <= y.age_on(date.today()) <= 30 for y in youth)
    assert all(y.center_id for y in youth)
    assert sum(y.consent_to_share for y in youth) > 0.8 * len(youth)
    assert len({y.province_code for y in youth}) == 25
    assert sum(1 for y in youth if y.user_id) > 10


def test_the_printed_demo_logins_work_through_the_web_login(seed_output, app):
    for login in DEMO_LOGINS:
        assert f"{login.login}" in seed_output and login.password in seed_output
        client = app.test_client()
        response = client.post(
            "/login", data={"identifier": login.login, "password": login.password}
        )
        assert response.status_code == 302, login
        expected = ROLE_HOMES.get(login.role.value, "/admin/centers")
        assert response.headers["Location"].endswith(expected)


def test_the_home_page_shows_the_newest_demo_openings(seed_output, client, ctx):
    newest = db.session.scalars(
        published_openings().order_by(Opening.published_at.desc(), Opening.id.desc()).limit(3)
    ).all()
    page = client.get("/").get_data(as_text=True)
    for opening in newest:
        assert str(escape(opening.title)) in page


def test_a_second_run_adds_nothing_and_prints_the_logins(seed_output, runner, ctx):
    before = [count(m) for m in (Center, Organization, Opening, YouthProfile, User)]
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    assert "already there" in result.output
    assert "demo-admin-2026" in result.output
    assert [count(m) for m in (Center, Organization, Opening, YouthProfile, User)] == before


def test_reset_seeds_the_same_data_again(seed_output, runner, ctx):
    titles = db.session.scalars(select(Opening.title).order_by(Opening.id)).all()
    result = runner.invoke(args=["demo", "seed", "--reset", "--yes"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.scalars(select(Opening.title).order_by(Opening.id)).all() == titles
    assert count(Center) == 7


def test_the_demo_refuses_to_run_in_production(app, runner):
    app.config["PORTAL_ENV"] = "production"
    try:
        result = runner.invoke(args=["demo", "seed"])
    finally:
        app.config["PORTAL_ENV"] = "development"
    assert result.exit_code != 0
    assert "not for production" in result.output


def test_the_demo_does_not_mix_with_clashing_data(runner, make_center, ctx):
    make_center(name="Phnom Penh Youth Employment Center")
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code != 0
    assert "clashes with the demo" in result.output
    assert count(Center) == 1  # nothing half-seeded
