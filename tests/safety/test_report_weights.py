"""Reports that can't be abused (issue 15): who reports decides how much a report counts, several
accounts on one address count once, a counselor hides at once, the counselor deciding sees each
reason and each reporter's trust, and a burst on one organization alerts instead of hiding."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.audit.models import AuditAction, AuditEvent
from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe
from portal.recovery.models import AccountRecovery, RecoveryMethod
from portal.safety.models import OpeningReport, ReporterTrust
from portal.safety.trust import reporter_trust
from tests.conftest import login


def _report(client, opening, address, reason="asked_for_money", details=""):
    response = client.post(
        f"/openings/{opening.id}/report",
        data={"reason": reason, "details": details},
        environ_base={"REMOTE_ADDR": address},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.refresh(opening)
    return response


def _events(action):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == str(action))).all()


@pytest.fixture
def scam(make_opening):
    return make_opening(title="Typing job Sihanoukville")


def test_one_visitor_and_two_new_accounts_on_one_address_no_longer_hide_it(
    client, scam, make_reporter
):
    _report(client, scam, "203.0.113.7")
    _report(make_reporter("new"), scam, "203.0.113.7")
    _report(make_reporter("new"), scam, "203.0.113.7")

    assert scam.hidden_by_reports_at is None
    assert client.get(f"/openings/{scam.id}").status_code == 200
    assert _events(AuditAction.OPENING_HIDDEN_BY_REPORTS) == []


def test_new_accounts_on_different_addresses_still_need_twice_as_many(scam, make_reporter):
    for n in range(5):
        _report(make_reporter("new"), scam, f"203.0.113.{n}")
    assert scam.hidden_by_reports_at is None

    _report(make_reporter("new"), scam, "203.0.113.99")  # six halves make three

    assert scam.hidden_by_reports_at is not None


def test_three_trusted_reporters_on_different_addresses_hide_it(client, scam, make_reporter):
    for n in range(3):
        _report(make_reporter("trusted"), scam, f"198.51.100.{n + 1}")

    assert scam.hidden_by_reports_at is not None
    assert client.get(f"/openings/{scam.id}").status_code == 404
    [hidden] = _events(AuditAction.OPENING_HIDDEN_BY_REPORTS)
    assert hidden.subject_id == scam.id
    assert hidden.detail == {"reports": 3, "addresses": 3, "weight": "3.0", "by_staff": False}


def test_three_trusted_accounts_on_one_address_count_once(scam, make_reporter):
    for _ in range(3):
        _report(make_reporter("trusted"), scam, "198.51.100.1")
    assert scam.hidden_by_reports_at is None


def test_a_counselors_report_hides_it_at_once(client, scam, make_reporter):
    _report(make_reporter("staff"), scam, "10.1.1.1", details="Known trafficking number.")

    assert scam.hidden_by_reports_at is not None
    assert client.get(f"/openings/{scam.id}").status_code == 404
    [hidden] = _events(AuditAction.OPENING_HIDDEN_BY_REPORTS)
    assert hidden.detail["by_staff"] is True


def test_the_counselor_sees_each_reason_and_each_reporters_trust_not_their_contact(
    client, app, scam, make_user, make_reporter
):
    _report(client, scam, "203.0.113.7", reason="kept_documents", details="Kept my ID card.")
    newcomer = make_user(Role.YOUTH, phone="012345678", email="sokha.new@example.org")
    _report(login(app.test_client(), newcomer), scam, "203.0.113.7", details="Wanted $50.")
    _report(make_reporter("trusted"), scam, "198.51.100.1", reason="other", details="Fake.")
    counselor = make_user(Role.COUNSELOR)
    page = login(app.test_client(), counselor).get("/safety/reports").get_data(as_text=True)

    for words in ("Kept my ID card.", "Wanted $50.", "Fake."):
        assert words in page
    for reason in ("They kept my passport or ID card", "They asked me for money", "Something"):
        assert reason in page
    items = page.split('class="report-item"')[1:]
    assert ["Visitor, not logged in" in items[0], "New or unconfirmed account" in items[1]] == [
        True,
        True,
    ]
    assert "Trusted account" in items[2]
    assert "address A" in items[0] and "address A" in items[1] and "address B" in items[2]
    # Address A counts once, with its more trusted reporter: a half, and a whole for B.
    assert "on 2 addresses" in page and "weight 1.5 of 3 needed to hide" in page
    # Nothing that reaches the reporter: not her phone, e-mail or name, nor any address.
    for secret in ("012345678", "sokha.new@example.org", "203.0.113.7", "198.51.100.1"):
        assert secret not in page
    assert newcomer.youth_profile.full_name not in page


def test_a_counselor_of_her_center_may_open_the_reporters_profile(
    app, scam, make_user, make_center
):
    center = make_center()
    reporter = make_user(Role.YOUTH)
    reporter.youth_profile.center_id = center.id
    db.session.commit()
    _report(login(app.test_client(), reporter), scam, "203.0.113.8")
    link = f"/youth/{reporter.youth_profile.id}"

    hers = login(app.test_client(), make_user(Role.COUNSELOR, center_id=center.id))
    other = login(app.test_client(), make_user(Role.COUNSELOR))

    assert link in hers.get("/safety/reports").get_data(as_text=True)
    assert link not in other.get("/safety/reports").get_data(as_text=True)


@pytest.fixture
def busy_org(make_org, make_opening):
    org = make_org(name="Golden Hotel Group")
    return org, [make_opening(organization=org, title=f"Waiter {n}") for n in range(4)]


def test_a_burst_on_one_organization_alerts_its_counselors_instead_of_hiding(
    app, busy_org, make_user, make_center, make_reporter
):
    org, openings = busy_org
    local = make_user(Role.COUNSELOR)  # a center in the organization's province
    far = make_user(Role.COUNSELOR, center_id=make_center(province_code="17").id)

    for opening in openings:  # one opening after the other, as a campaign would
        for n in range(6):  # six new accounts on six addresses: enough to hide one
            _report(make_reporter("new"), opening, f"203.0.113.{n}")

    # The first two went by the usual rule; from the third opening within the hour, a burst.
    assert [o.hidden_by_reports_at is not None for o in openings] == [True, True, False, False]
    told = db.session.scalars(
        select(Notification).where(Notification.kind == NotificationKind.REPORT_BURST)
    ).all()
    assert [n.user_id for n in told] == [local.id]  # once, to the staff near it
    assert far.id not in [n.user_id for n in told]
    assert "3 openings of Golden Hotel Group" in describe(told[0], "en").line
    assert told[0].link == "/safety/reports"
    [burst] = _events(AuditAction.REPORT_BURST)
    assert (burst.subject_type, burst.subject_id) == ("organization", org.id)
    page = login(app.test_client(), local).get("/safety/reports").get_data(as_text=True)
    assert "part of a burst on this organization: not counted" in page


def test_trusted_reporters_still_hide_an_opening_during_a_burst(busy_org, make_reporter):
    _, openings = busy_org
    for opening in openings[:3]:
        _report(make_reporter("new"), opening, "203.0.113.1")
    assert _events(AuditAction.REPORT_BURST) != []

    for n in range(3):
        _report(make_reporter("trusted"), openings[2], f"198.51.100.{n}")

    assert openings[2].hidden_by_reports_at is not None


def test_a_burst_ends_after_its_window(busy_org, make_reporter):
    _, openings = busy_org
    for opening in openings[:2]:
        _report(make_reporter("new"), opening, "203.0.113.1")
    long_ago = utcnow() - timedelta(hours=2)
    for report in db.session.scalars(select(OpeningReport)):
        report.created_at = long_ago
    db.session.commit()

    _report(make_reporter("new"), openings[2], "203.0.113.2")

    assert True not in db.session.scalars(select(OpeningReport.in_burst)).all()
    assert _events(AuditAction.REPORT_BURST) == []


# --- who counts as trusted ------------------------------------------------------------------


def _aged(user, days):
    user.created_at = utcnow() - timedelta(days=days)
    db.session.commit()
    return user


def test_an_account_is_new_for_a_day_even_when_a_counselor_registered_it(ctx, make_user):
    youth = make_user(Role.YOUTH)
    youth.youth_profile.registered_by_id = make_user(Role.COUNSELOR).id
    db.session.commit()
    assert reporter_trust(youth) == ReporterTrust.NEW_ACCOUNT
    assert reporter_trust(_aged(youth, 2)) == ReporterTrust.TRUSTED


def test_a_self_signed_up_account_is_trusted_once_its_phone_is_proven_or_it_is_old(ctx, make_user):
    youth = _aged(make_user(Role.YOUTH), 3)
    assert reporter_trust(youth) == ReporterTrust.NEW_ACCOUNT
    db.session.add(
        AccountRecovery(
            user_id=youth.id,
            method=RecoveryMethod.MESSAGE_CODE,
            secret_hash="x" * 64,
            expires_at=utcnow(),
            used_at=utcnow(),  # she typed the code sent to her phone
        )
    )
    db.session.commit()
    assert reporter_trust(youth) == ReporterTrust.TRUSTED
    assert reporter_trust(_aged(make_user(Role.YOUTH), 15)) == ReporterTrust.TRUSTED


def test_employers_are_trusted_when_a_counselor_verified_their_organization(
    ctx, make_user, make_org
):
    verified = _aged(make_user(Role.EMPLOYER), 2)
    unverified = _aged(make_user(Role.EMPLOYER, organization_id=make_org(verified=False).id), 2)
    assert reporter_trust(verified) == ReporterTrust.TRUSTED
    assert reporter_trust(unverified) == ReporterTrust.NEW_ACCOUNT
    assert reporter_trust(None) == ReporterTrust.ANONYMOUS
    assert reporter_trust(make_user(Role.ADMIN)) == ReporterTrust.STAFF
