"""Signing up with the phone of a profile a center registered: never a second profile, never a
silent merge; she is told to ask her center for her code, in her language, and a stranger
typing that number learns nothing more (no name, no center)."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.auth.models import User
from portal.extensions import db
from portal.youth.models import YouthProfile
from tests.claims.conftest import claim_with, give_code
from tests.youth.helpers import signup_data

ASK = "Ask your center for your code"


def test_signing_up_with_a_desk_registered_phone_sends_her_to_her_center(app, sreymom):
    client = app.test_client()
    response = client.post("/signup", data=signup_data(full_name="Someone", phone="012 345 678"))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert ASK in html
    assert "Chan Sreymom" not in html and "Pursat Youth Center" not in html
    assert db.session.scalar(select(func.count(User.id)).where(User.role == "youth")) == 0
    assert db.session.scalar(select(func.count(YouthProfile.id))) == 1
    assert db.session.get(YouthProfile, sreymom.id).user_id is None  # nothing merged


def test_the_message_is_in_khmer_for_a_khmer_reader(app, sreymom):
    client = app.test_client()
    client.post("/lang/km")
    html = client.post("/signup", data=signup_data(phone="+855 12 345 678")).get_data(as_text=True)
    assert "សូមសុំលេខកូដពីមជ្ឈមណ្ឌលរបស់អ្នក" in html


def test_the_sign_up_page_shows_the_way_to_claim(client):
    html = client.get("/signup").get_data(as_text=True)
    assert 'href="/claim"' in html


def test_once_claimed_the_number_is_an_account_like_any_other(app, counselor, sreymom):
    assert claim_with(app.test_client(), give_code(counselor[0], sreymom)).status_code == 302
    html = app.test_client().post("/signup", data=signup_data()).get_data(as_text=True)
    assert ASK not in html
    assert "If this number is yours, log in or recover your password." in html


def test_an_anonymised_profile_does_not_hold_its_old_number(app, make_youth):
    from portal.extensions import utcnow

    make_youth(phone="012345678", anonymised_at=utcnow())
    response = app.test_client().post("/signup", data=signup_data())
    assert response.status_code == 302
