"""Reports of bad postings: anyone reports a published opening, once; three trusted people on
different addresses hide it from every public path until a counselor checks it (who counts how
much: test_report_weights.py); the counselor dismisses or confirms."""

import pytest
from sqlalchemy import select

from portal import search
from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.matching.services import suggestions_for
from portal.notifications.models import Notification
from portal.safety.models import OpeningReport, ReportOutcome
from portal.safety.reports import reporter_key
from tests.conftest import login


def _report(client, opening, address="10.0.0.1", reason="asked_for_money", details=""):
    return client.post(
        f"/openings/{opening.id}/report",
        data={"reason": reason, "details": details},
        environ_base={"REMOTE_ADDR": address},
    )


def _reports(opening):
    return db.session.scalars(
        select(OpeningReport).where(OpeningReport.opening_id == opening.id)
    ).all()


@pytest.fixture
def scam(make_opening, reindex):
    opening = make_opening(title="Typing job Sihanoukville", skills=["cooking"])
    make_opening(title="Cook at a guesthouse", skills=["cooking"])
    reindex()
    return opening


@pytest.fixture
def hide_by_reports(make_reporter):
    """Three trusted people on three addresses report the opening."""

    def hide(opening):
        for n in range(3):
            reporter = make_reporter("trusted")
            assert _report(reporter, opening, address=f"10.0.0.{n + 1}").status_code == 302
        db.session.refresh(opening)

    return hide


def test_a_visitor_reports_from_the_opening_page(client, scam):
    page = client.get(f"/openings/{scam.id}").get_data(as_text=True)
    assert f"/openings/{scam.id}/report" in page
    assert "They asked me for money" in client.get(f"/openings/{scam.id}/report").get_data(True)

    response = _report(client, scam, details="They want $300 for the visa.")

    assert response.status_code == 302
    (saved,) = _reports(scam)
    assert saved.details == "They want $300 for the visa."
    assert saved.reporter_id is None
    assert saved.reporter_key == reporter_key("10.0.0.1")
    assert "10.0.0.1" not in saved.reporter_key  # the address itself is never kept
    assert "A counselor will check" in client.get("/openings").get_data(as_text=True)


def test_a_report_needs_a_reason_and_short_details(client, scam):
    response = client.post(f"/openings/{scam.id}/report", data={"reason": ""})
    assert response.status_code == 400
    assert "Choose what was wrong." in response.get_data(as_text=True)
    response = _report(client, scam, reason="other", details="")
    assert response.status_code == 400
    assert "Please say what was wrong." in response.get_data(as_text=True)
    response = _report(client, scam, details="x" * 1001)
    assert response.status_code == 400
    assert _reports(scam) == []


def test_the_same_visitor_twice_counts_once(client, scam):
    _report(client, scam)
    response = _report(client, scam, reason="kept_documents")
    assert len(_reports(scam)) == 1
    assert "You already reported" in client.get(response.location).get_data(as_text=True)


def test_a_logged_in_user_counts_once_by_account_not_by_address(app, make_user, scam):
    user = make_user(Role.YOUTH)
    client = login(app.test_client(), user)
    _report(client, scam, address="10.0.0.1")
    _report(client, scam, address="10.0.0.2")
    (saved,) = _reports(scam)
    assert saved.reporter_id == user.id
    # Her address is kept as a key too, so that other accounts on it count once with her.
    assert saved.reporter_key == reporter_key("10.0.0.1")


def test_two_reports_leave_it_public_three_people_hide_it(scam, make_user, make_reporter):
    member = make_user(Role.EMPLOYER, organization_id=scam.organization_id)
    _report(make_reporter("trusted"), scam, address="10.0.0.1")
    _report(make_reporter("trusted"), scam, address="10.0.0.2")
    db.session.refresh(scam)
    assert scam.hidden_by_reports_at is None
    assert make_reporter("new").get(f"/openings/{scam.id}").status_code == 200

    _report(make_reporter("trusted"), scam, address="10.0.0.3")
    db.session.refresh(scam)

    assert scam.hidden_by_reports_at is not None
    told = db.session.scalars(select(Notification).where(Notification.user_id == member.id)).all()
    assert [n.params["decision"] for n in told] == ["being_checked"]


def test_a_hidden_opening_leaves_every_public_path(
    client, login_as, make_user, scam, hide_by_reports
):
    hide_by_reports(scam)
    title = "Typing job Sihanoukville"

    assert client.get(f"/openings/{scam.id}").status_code == 404
    assert client.get(f"/openings/{scam.id}/report").status_code == 404
    youth, _ = login_as(Role.YOUTH)
    assert youth.get(f"/openings/{scam.id}").status_code == 404
    assert title not in client.get("/openings").get_data(as_text=True)
    assert title not in client.get("/openings?q=typing").get_data(as_text=True)
    assert title not in client.get("/openings?q=typing&include_closed=1").get_data(as_text=True)
    assert title not in client.get("/").get_data(as_text=True)
    assert scam.id not in search.query("").ids
    api = client.get("/api/v1/openings").get_json()
    assert title not in [o["title"] for o in api["results"]] and api["total"] == 1
    suggested = client.get("/api/v1/openings/suggest?q=typing").get_json()["suggestions"]
    assert title not in [s["title"] for s in suggested]
    profile = make_user(Role.YOUTH).youth_profile
    profile.skills = ["cooking"]
    db.session.commit()
    assert title not in [o.title for o, _ in suggestions_for(profile)]
    # Staff and the organization still see it, with a word on why it is hidden.
    counselor, _ = login_as(Role.COUNSELOR)
    page = counselor.get(f"/openings/{scam.id}").get_data(as_text=True)
    assert "hidden while a counselor checks" in page
    assert "3 reports about this opening" in page


def test_counselors_see_the_queue_youth_and_employers_do_not(client, login_as, scam):
    _report(client, scam, details="They want my passport first.")
    counselor, _ = login_as(Role.COUNSELOR)
    page = counselor.get("/safety/reports").get_data(as_text=True)
    assert "Typing job Sihanoukville" in page
    assert "They want my passport first." in page
    assert "They asked me for money: 1" in page
    assert login_as(Role.ADMIN)[0].get("/safety/reports").status_code == 200
    assert login_as(Role.YOUTH)[0].get("/safety/reports").status_code == 403
    assert login_as(Role.EMPLOYER)[0].get("/safety/reports").status_code == 403
    assert client.get("/safety/reports").status_code == 302  # log in first


def test_dismiss_shows_the_opening_again_and_records_who(client, login_as, scam, hide_by_reports):
    hide_by_reports(scam)
    counselor, user = login_as(Role.COUNSELOR)

    response = counselor.post(f"/safety/reports/{scam.id}/dismiss", data={"note": "Real hotel."})

    assert response.status_code == 302
    db.session.refresh(scam)
    assert scam.hidden_by_reports_at is None and scam.status == OpeningStatus.PUBLISHED
    assert client.get(f"/openings/{scam.id}").status_code == 200
    assert scam.id in search.query("").ids
    for item in _reports(scam):
        assert item.outcome == ReportOutcome.DISMISSED
        assert item.resolved_by_id == user.id and item.resolved_at is not None
        assert item.resolution_note == "Real hotel."
    assert "Typing job" not in counselor.get("/safety/reports").get_data(as_text=True)


def test_confirm_closes_the_opening_with_the_note(client, login_as, scam, hide_by_reports):
    hide_by_reports(scam)
    counselor, user = login_as(Role.COUNSELOR)

    response = counselor.post(f"/safety/reports/{scam.id}/confirm", data={"note": "Asked fees."})

    assert response.status_code == 302
    db.session.refresh(scam)
    assert scam.status == OpeningStatus.CLOSED
    assert scam.status_changes[-1].reason == "Asked fees."
    assert scam.status_changes[-1].changed_by_id == user.id
    assert {item.outcome for item in _reports(scam)} == {ReportOutcome.CONFIRMED}
    assert client.get(f"/openings/{scam.id}").status_code == 404


def test_confirm_needs_a_note(client, login_as, scam):
    _report(client, scam)
    counselor, _ = login_as(Role.COUNSELOR)

    response = counselor.post(f"/safety/reports/{scam.id}/confirm", data={"note": " "})

    assert response.status_code == 400
    assert "Say what you found" in response.get_data(as_text=True)
    db.session.refresh(scam)
    assert scam.status == OpeningStatus.PUBLISHED
    assert _reports(scam)[0].resolved_at is None


def test_confirm_declines_an_opening_still_waiting(client, login_as, make_opening, scam):
    _report(client, scam)
    scam.status = OpeningStatus.PENDING_REVIEW
    db.session.commit()
    counselor, _ = login_as(Role.COUNSELOR)

    counselor.post(f"/safety/reports/{scam.id}/confirm", data={"note": "Fake company."})

    db.session.refresh(scam)
    assert scam.status == OpeningStatus.DECLINED
