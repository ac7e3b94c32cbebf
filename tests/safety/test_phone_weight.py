"""Issue 15 point 7 with issue 16's confirmed phones: a report from an account whose phone is not
confirmed counts less than the same account's with its phone confirmed, and three unconfirmed new
accounts cannot hide an opening, while three confirmed ones can."""

from datetime import timedelta

import pytest

from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.safety.models import ReporterTrust
from portal.safety.trust import reporter_trust, weight
from tests.conftest import login


def _report(client, opening, address):
    response = client.post(
        f"/openings/{opening.id}/report",
        data={"reason": "asked_for_money", "details": ""},
        environ_base={"REMOTE_ADDR": address},
    )
    assert response.status_code == 302
    db.session.refresh(opening)


@pytest.fixture
def signed_up(app, make_user):
    """signed_up(days=2, confirmed=False) -> (user, logged-in client): a young person who signed
    up herself (no counselor behind her), her phone confirmed by SMS or not."""

    def make(days: float = 2, confirmed: bool = False):
        user = make_user(Role.YOUTH, phone=f"0{12_300_000 + make.count}")
        make.count += 1
        user.created_at = utcnow() - timedelta(days=days)
        user.phone_confirmed_at = utcnow() if confirmed else None
        db.session.commit()
        return user, login(app.test_client(), user)

    make.count = 0
    return make


def test_an_unconfirmed_account_weighs_less_than_a_confirmed_one(app, signed_up):
    unconfirmed, _ = signed_up(days=3)
    confirmed, _ = signed_up(days=3, confirmed=True)

    assert reporter_trust(unconfirmed) == ReporterTrust.NEW_ACCOUNT
    assert reporter_trust(confirmed) == ReporterTrust.TRUSTED
    assert weight(reporter_trust(unconfirmed)) < weight(reporter_trust(confirmed))


def test_a_confirmed_phone_does_not_make_a_brand_new_account_trusted(signed_up):
    brand_new, _ = signed_up(days=0.01, confirmed=True)
    assert reporter_trust(brand_new) == ReporterTrust.NEW_ACCOUNT


def test_changing_the_phone_takes_the_trust_away(signed_up):
    user, _ = signed_up(days=3, confirmed=True)
    user.phone = "0977000111"
    db.session.commit()
    assert user.phone_confirmed_at is None
    assert reporter_trust(user) == ReporterTrust.NEW_ACCOUNT


def test_three_unconfirmed_new_accounts_cannot_hide_an_opening(
    app, client, make_opening, make_user, signed_up
):
    opening = make_opening(title="Cashier")
    for n in range(3):  # three addresses: no one-address shortcut
        _report(signed_up(days=0.01)[1], opening, f"203.0.113.{n + 1}")

    assert opening.hidden_by_reports_at is None
    assert client.get(f"/openings/{opening.id}").status_code == 200
    counselor = login(app.test_client(), make_user(Role.COUNSELOR))
    page = counselor.get("/safety/reports").get_data(as_text=True)
    assert "weight 1.5 of 3 needed to hide" in page
    assert page.count("New or unconfirmed account") == 3


def test_three_accounts_with_confirmed_phones_hide_it(client, make_opening, signed_up):
    opening = make_opening(title="Cashier")
    for n in range(3):
        _report(signed_up(days=3, confirmed=True)[1], opening, f"198.51.100.{n + 1}")
    assert opening.hidden_by_reports_at is not None
    assert client.get(f"/openings/{opening.id}").status_code == 404
