"""A young person downloads her data, asks for erasure, her counselor confirms; the sweep warns
unused profiles and anonymises them 30 days later."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import BytesIO

from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent
from portal.auth.models import Role, User
from portal.extensions import db, utcnow
from portal.indicators.compute import compute
from portal.indicators.periods import preset_period
from portal.indicators.types import Breakdown
from portal.notifications.models import Notification, NotificationKind
from portal.placements import services
from portal.placements.models import Application, ApplicationDocument, ApplicationStatus
from portal.privacy.sweep import sweep
from portal.youth.models import Gender, YouthProfile
from tests.conftest import PASSWORD
from tests.privacy.conftest import PDF


def _apply(client, opening, message):
    client.post(
        f"/openings/{opening.id}/apply",
        data={"message": message, "cv": (BytesIO(PDF), "cv.pdf")},
        content_type="multipart/form-data",
    )
    return db.session.scalars(select(Application).order_by(Application.id.desc())).first()


def test_her_data_download_holds_her_data_and_nothing_of_another_youth(
    app, minor, make_user, opening
):
    client, user = minor
    _apply(client, opening, "I am careful.")
    other = make_user(Role.YOUTH)
    other.youth_profile.full_name = "Other Person"
    db.session.commit()
    from tests.conftest import login

    _apply(login(app.test_client(), other), opening, "Secret words of someone else")

    response = client.get("/me/data.json")
    page = client.get("/me/data").get_data(as_text=True)

    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.data)
    assert data["profile"]["full_name"] == "Chanthy Kim"
    assert data["profile"]["phone"] == "+85512777888"
    assert [a["message"] for a in data["applications"]] == ["I am careful."]
    assert data["applications"][0]["history"][0]["to"] == "applied"
    for text in (response.get_data(as_text=True), page):
        assert "Other Person" not in text and "Secret words" not in text
    assert "Chanthy Kim" in page and "I am careful." in page
    downloads = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == AuditAction.DATA_DOWNLOADED)
    ).all()
    assert {event.detail["format"] for event in downloads} == {"json", "html"}


def test_erasure_confirmed_leaves_no_name_phone_or_cv_but_the_figures_count_her(
    app, minor, counselor, employer, opening, center
):
    youth_client, user = minor
    old_login = user.email
    application = _apply(youth_client, opening, "Call me on 012 345 678")
    services.move(application, ApplicationStatus.SHORTLISTED, by=employer[1])
    services.move(application, ApplicationStatus.INTERVIEW, by=employer[1])
    services.move(application, ApplicationStatus.HIRED, by=employer[1], day=date.today())
    db.session.commit()
    before = _figures(center)
    assert before[("hires", "female", "15-17")] == 1  # she counts before erasure

    assert "erased for good" in youth_client.get("/me/erasure").get_data(as_text=True)
    assert youth_client.post("/me/erasure", data={}).status_code == 400  # must tick the box
    youth_client.post("/me/erasure", data={"understood": "y"})
    staff, _staff_user = counselor
    listing = staff.get("/erasure-requests").get_data(as_text=True)
    assert "Chanthy Kim" in listing
    profile_id = user.youth_profile.id
    staff.post(f"/erasure-requests/{profile_id}/confirm")

    db.session.expire_all()
    profile = db.session.get(YouthProfile, profile_id)
    assert profile.anonymised_at is not None
    assert "Chanthy" not in profile.full_name and profile.phone is None
    assert profile.date_of_birth.year == date.today().year - 16
    assert profile.gender == Gender.FEMALE and profile.province_code == "12"
    assert db.session.scalars(select(ApplicationDocument)).all() == []
    kept = db.session.get(Application, application.id)
    assert kept.status == ApplicationStatus.HIRED and kept.message == ""
    account = db.session.get(User, user.id)
    assert not account.active and account.phone is None and "@" in account.email
    assert _figures(center) == before  # ... and after it, as the same girl of 16
    for page in (
        staff.get("/caseload").get_data(as_text=True),
        employer[0].get(f"/employer/applications/{application.id}").get_data(as_text=True),
    ):
        assert "Chanthy" not in page and "012 345 678" not in page
    # Her old login is gone, and its e-mail is free to sign up again.
    login = app.test_client().post("/login", data={"identifier": old_login, "password": PASSWORD})
    assert login.status_code != 302
    assert db.session.scalar(select(User).where(User.email == old_login)) is None
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"erasure_requested", "erasure_confirmed", "anonymised"} <= actions


def test_she_may_cancel_her_request(minor, counselor):
    client, user = minor
    client.post("/me/erasure", data={"understood": "y"})
    client.post("/me/erasure/cancel")

    assert "Chanthy Kim" not in counselor[0].get("/erasure-requests").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(YouthProfile, user.youth_profile.id).anonymised_at is None


def test_a_counselor_of_another_center_cannot_confirm(app, minor, make_user, make_center):
    client, user = minor
    client.post("/me/erasure", data={"understood": "y"})
    other = make_user(Role.COUNSELOR, center_id=make_center().id)
    from tests.conftest import login

    response = login(app.test_client(), other).post(
        f"/erasure-requests/{user.youth_profile.id}/confirm"
    )

    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(YouthProfile, user.youth_profile.id).anonymised_at is None


def _age(profile: YouthProfile, days: int) -> None:
    """Pretend the profile and its account were last used `days` ago."""
    then = utcnow() - timedelta(days=days)
    db.session.execute(
        YouthProfile.__table__.update()
        .where(YouthProfile.id == profile.id)
        .values(updated_at=then, created_at=then)
    )
    if profile.user_id:
        db.session.execute(
            User.__table__.update().where(User.id == profile.user_id).values(last_login_at=then)
        )
    db.session.commit()
    db.session.expire_all()


def test_the_sweep_warns_an_unused_profile_then_anonymises_it_30_days_later(
    minor, make_user, runner
):
    _client, user = minor
    profile = user.youth_profile
    recent = make_user(Role.YOUTH).youth_profile
    _age(profile, 800)

    first = runner.invoke(args=["privacy", "sweep"])
    again = runner.invoke(args=["privacy", "sweep"])

    assert first.exit_code == 0 and "1 profile(s) warned, 0 anonymised" in first.output
    assert "0 profile(s) warned, 0 anonymised" in again.output  # idempotent
    warning = db.session.scalars(
        select(Notification).where(Notification.kind == NotificationKind.PROFILE_UNUSED)
    ).one()
    assert warning.user_id == user.id
    db.session.expire_all()
    warned_at = db.session.get(YouthProfile, profile.id).dormant_warned_at
    assert warned_at is not None
    assert db.session.get(YouthProfile, profile.id).updated_at < utcnow() - timedelta(days=700)

    later = sweep(now=warned_at + timedelta(days=31))
    db.session.commit()

    assert later.anonymised == 1
    db.session.expire_all()
    assert db.session.get(YouthProfile, profile.id).full_name != "Chanthy Kim"
    assert db.session.get(YouthProfile, recent.id).anonymised_at is None


def test_a_warned_profile_used_again_is_kept(minor):
    client, user = minor
    profile = user.youth_profile
    _age(profile, 800)
    sweep()
    db.session.commit()
    db.session.execute(
        User.__table__.update().where(User.id == user.id).values(last_login_at=utcnow())
    )
    db.session.commit()

    result = sweep(now=utcnow() + timedelta(days=31))
    db.session.commit()

    assert (result.anonymised, result.back_in_use) == (0, 1)
    db.session.expire_all()
    kept = db.session.get(YouthProfile, profile.id)
    assert kept.anonymised_at is None and kept.dormant_warned_at is None


def test_the_sweep_exits_non_zero_when_it_fails(runner, monkeypatch):
    import portal.privacy.cli as cli

    def broken():
        raise RuntimeError("database gone")

    monkeypatch.setattr(cli, "sweep", broken)

    result = runner.invoke(args=["privacy", "sweep"])

    assert result.exit_code != 0 and "failed" in result.output


def _figures(center) -> dict[tuple[str, str, str], float]:
    """The center's indicators of this year, by indicator, sex and age band (no breakdowns)."""
    report = compute(preset_period("this_year", date.today()), center_ids=(center.id,))
    return {
        (figure.indicator, figure.sex, figure.age_band): figure.value
        for figure in report.figures
        if figure.breakdown == Breakdown.NONE
    }
