"""A young person registered at the desk takes over her profile with the code her counselor
gave her: her referral, her hire's follow-ups and her saved openings come with it. The code is
random, kept only as a keyed hash, works once, for 30 days, and a new one ends the old one."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.auth.models import User
from portal.claims import codes
from portal.claims.models import ClaimCode
from portal.extensions import db, utcnow
from portal.youth.models import YouthProfile
from tests.claims.conftest import NEW_PASSWORD, claim_with, give_code
from tests.recovery.conftest import can_log_in


def test_she_claims_her_profile_and_finds_her_history(app, counselor, sreymom):
    client, staff = counselor
    code = give_code(client, sreymom)
    assert codes.looks_like_a_code(code) and len(code) == 9  # K7QM-3XPA

    youth = app.test_client()
    response = claim_with(youth, code.lower().replace("-", " "))  # typed loosely on a phone
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/me/profile")

    applications = youth.get("/me/applications").get_data(as_text=True)
    assert "Sewing machine operator" in applications  # her counselor's referral, and the hire
    assert "Tailor" in youth.get("/me/saved").get_data(as_text=True)
    db.session.expire_all()
    profile = db.session.get(YouthProfile, sreymom.id)
    assert profile.user is not None and profile.user.phone == "012345678"
    assert db.session.scalar(select(func.count(YouthProfile.id))) == 1  # no second profile
    assert can_log_in(app, "012 345 678", NEW_PASSWORD)
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.youth_id == sreymom.id)
    ).all()
    assert {"claim_code_issued", "profile_claimed"} <= set(actions)


def test_the_code_is_kept_only_as_a_keyed_hash(counselor, sreymom):
    code = give_code(counselor[0], sreymom)
    row = db.session.scalar(select(ClaimCode))
    assert codes.typed(code) not in row.code_hash and code not in row.code_hash
    assert len(row.code_hash) == 64
    assert row.expires_at - row.created_at == timedelta(days=30)


def test_a_code_works_once(app, counselor, sreymom):
    code = give_code(counselor[0], sreymom)
    assert claim_with(app.test_client(), code).status_code == 302
    again = claim_with(app.test_client(), code, phone="097 111 2222")
    assert again.status_code == 400
    assert "This code does not work" in again.get_data(as_text=True)
    assert db.session.scalar(select(func.count(User.id)).where(User.role == "youth")) == 1


def test_a_new_code_ends_the_old_one(app, counselor, sreymom):
    old = give_code(counselor[0], sreymom)
    new = give_code(counselor[0], sreymom)
    assert old != new
    assert claim_with(app.test_client(), old).status_code == 400
    assert claim_with(app.test_client(), new).status_code == 302


def test_a_code_older_than_30_days_no_longer_works(app, counselor, sreymom):
    code = give_code(counselor[0], sreymom)
    db.session.execute(ClaimCode.__table__.update().values(expires_at=utcnow() - timedelta(1)))
    db.session.commit()
    response = claim_with(app.test_client(), code)
    assert response.status_code == 400
    assert db.session.get(YouthProfile, sreymom.id).user_id is None


def test_guessing_codes_is_stopped_after_ten_tries(app, counselor, sreymom):
    code = give_code(counselor[0], sreymom)
    guesser = app.test_client()
    for n in range(10):
        guess = claim_with(guesser, f"KKKK-KK{codes.ALPHABET[n]}A", phone=f"09711122{n:02d}")
        assert guess.status_code == 400
    assert claim_with(guesser, code).status_code == 429  # even the right code, from there
    assert db.session.get(YouthProfile, sreymom.id).user_id is None


def test_a_login_already_taken_is_refused_without_saying_whose(app, counselor, sreymom, make_user):
    make_user("employer", phone="097 555 4444")
    code = give_code(counselor[0], sreymom)
    response = claim_with(app.test_client(), code, phone="097 555 4444")
    assert response.status_code == 400
    assert "If this number is yours, log in or recover your password." in response.get_data(
        as_text=True
    )
    assert db.session.get(YouthProfile, sreymom.id).user_id is None
    assert claim_with(app.test_client(), code).status_code == 302  # the code still works


def test_a_profile_with_an_account_gets_no_code(counselor, make_user, center):
    youth = make_user("youth")
    profile = youth.youth_profile
    profile.center_id = center.id
    db.session.commit()
    client = counselor[0]
    assert "Give a code to claim" not in client.get(f"/youth/{profile.id}").get_data(as_text=True)
    assert client.post(f"/youth/{profile.id}/claim-code").status_code == 404


def test_another_centers_counselor_cannot_give_a_code(login_as, sreymom):
    other, _ = login_as("counselor")  # a counselor of another center
    assert other.post(f"/youth/{sreymom.id}/claim-code").status_code == 404
    assert db.session.scalar(select(func.count(ClaimCode.id))) == 0


def test_the_slip_is_printable_in_khmer_and_english(counselor, sreymom):
    client = counselor[0]
    page = client.get(f"/youth/{sreymom.id}").get_data(as_text=True)
    assert "Give a code to claim this profile" in page
    response = client.post(f"/youth/{sreymom.id}/claim-code")
    html = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert "Your Phlov profile is ready" in html
    assert "ប្រវត្តិរូប" in html  # the same words in Khmer, on the same slip
    assert "/claim" in html and "Chan Sreymom" in html and "052 951 000" in html
    assert "data-print" in html and "css/slip.css" in html
    assert "<script>" not in html  # printing is a static script: the CSP allows no inline one
    later = client.get(f"/youth/{sreymom.id}").get_data(as_text=True)
    assert "works until" in later and "Give a new code" in later
