"""Behind the center's proxy every visitor arrives from the proxy's address: with
TRUSTED_PROXIES=1 the portal reads the visitor's own address from X-Forwarded-For (limits and
report counts see people, not the proxy); with 0 it ignores a header anyone can forge."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal import create_app
from portal.extensions import db
from portal.safety.models import OpeningReport
from portal.safety.reports import counted_weight, reporter_key

PROXY = "10.0.0.254"
SETTINGS = (
    "TESTING",
    "INSTANCE_PATH",
    "SQLALCHEMY_DATABASE_URI",
    "SEARCH_INDEX_DIR",
    "WTF_CSRF_ENABLED",
    "SECRET_KEY",
    "SERVER_NAME",
    "DEFAULT_LANGUAGE",
)


@pytest.fixture
def behind_one_proxy(app):
    """The same portal and database, told that one proxy stands in front."""
    return create_app({**{name: app.config[name] for name in SETTINGS}, "TRUSTED_PROXIES": 1})


@pytest.fixture
def scam(make_opening, reindex):
    opening = make_opening(title="Typing job Sihanoukville")
    reindex()
    return opening


def _report_through_proxy(client, opening, forwarded_for: str):
    return client.post(
        f"/openings/{opening.id}/report",
        data={"reason": "asked_for_money"},
        environ_base={"REMOTE_ADDR": PROXY},
        headers={"X-Forwarded-For": forwarded_for},
    )


def _reports(opening):
    db.session.rollback()  # a fresh snapshot: the other app wrote through its own connection
    return db.session.scalars(
        select(OpeningReport).where(OpeningReport.opening_id == opening.id)
    ).all()


def _reporter_keys(opening):
    db.session.rollback()  # a fresh snapshot: the other app wrote through its own connection
    reports = select(OpeningReport.reporter_key).where(OpeningReport.opening_id == opening.id)
    return set(db.session.scalars(reports))


def test_three_visitors_behind_a_trusted_proxy_are_three_reporters(behind_one_proxy, scam):
    client = behind_one_proxy.test_client()
    for visitor in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        assert _report_through_proxy(client, scam, visitor).status_code == 302

    assert _reporter_keys(scam) == {reporter_key(f"203.0.113.{n}") for n in (1, 2, 3)}
    # Three addresses at a third each (visitors not logged in): one proxy would weigh a third.
    assert counted_weight(_reports(scam)) == 1


def test_a_visitor_cannot_pass_for_someone_else_by_adding_addresses(behind_one_proxy, scam):
    """The proxy appends the address it saw; what the visitor wrote before it is not believed."""
    client = behind_one_proxy.test_client()
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        _report_through_proxy(client, scam, f"{forged}, 203.0.113.9")
    assert _reporter_keys(scam) == {reporter_key("203.0.113.9")}


def test_without_a_trusted_proxy_the_header_is_ignored(client, scam):
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        _report_through_proxy(client, scam, forged)
    assert _reporter_keys(scam) == {reporter_key(PROXY)}
    assert scam.hidden_by_reports_at is None
