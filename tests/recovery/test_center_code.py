"""A young person without e-mail gets back in with a code her counselor gives at the center."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent
from portal.auth.models import Role
from portal.extensions import db
from portal.recovery.models import AccountRecovery
from tests.conftest import PASSWORD
from tests.recovery.conftest import can_log_in, issued_code

NEW_PASSWORD = "rice-field-sunrise-7"


def give_code(counselor_client, youth_user):
    response = counselor_client.post(f"/youth/{youth_user.youth_profile.id}/recovery-code")
    assert response.status_code == 200
    return issued_code(response)


def use_code(client, code: str, phone: str = "012345678", password: str = NEW_PASSWORD):
    return client.post(
        "/password/code",
        data={"identifier": phone, "code": code, "password": password, "confirm": password},
    )


def test_a_counselors_code_sets_a_new_password_once(app, login_as, dara):
    counselor_client, counselor = login_as(Role.COUNSELOR, center_id=dara.youth_profile.center_id)
    code = give_code(counselor_client, dara)
    assert len(code) == 6

    response = use_code(app.test_client(), code)
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")

    assert not can_log_in(app, "012345678", PASSWORD)  # the old password no longer works
    assert can_log_in(app, "012345678", NEW_PASSWORD)
    again = use_code(app.test_client(), code, password="another-long-pass-9")
    assert again.status_code == 400
    assert "wrong or no longer works" in again.get_data(as_text=True)

    issued = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == AuditAction.RECOVERY_CODE_ISSUED)
    )
    assert issued.actor_id == counselor.id and issued.youth_id == dara.youth_profile.id
    row = db.session.scalar(select(AccountRecovery))
    assert row.issued_by_id == counselor.id and code not in row.secret_hash
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == AuditAction.PASSWORD_RESET)
    )


def test_a_code_tried_wrong_five_times_is_dead(app, login_as, dara):
    counselor_client, _ = login_as(Role.COUNSELOR, center_id=dara.youth_profile.center_id)
    code = give_code(counselor_client, dara)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    client = app.test_client()
    for _try in range(5):
        assert use_code(client, wrong).status_code == 400
    sixth = use_code(client, code)  # the right code, too late
    assert sixth.status_code == 400
    assert "wrong or no longer works" in sixth.get_data(as_text=True)
    assert not can_log_in(app, "012345678", NEW_PASSWORD)


def test_a_code_expires_after_24_hours(app, login_as, dara, clock):
    counselor_client, _ = login_as(Role.COUNSELOR, center_id=dara.youth_profile.center_id)
    code = give_code(counselor_client, dara)
    clock.forward(hours=24, seconds=1)
    assert use_code(app.test_client(), code).status_code == 400


def test_khmer_digits_and_spaces_are_read(app, login_as, dara):
    counselor_client, _ = login_as(Role.COUNSELOR, center_id=dara.youth_profile.center_id)
    code = give_code(counselor_client, dara)
    khmer = (code[:3] + " " + code[3:]).translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
    assert use_code(app.test_client(), khmer, phone="០១២ ៣៤៥ ៦៧៨").status_code == 302


def test_a_weak_new_password_is_refused_without_using_the_code(app, login_as, dara):
    counselor_client, _ = login_as(Role.COUNSELOR, center_id=dara.youth_profile.center_id)
    code = give_code(counselor_client, dara)
    assert use_code(app.test_client(), code, password="short").status_code == 400
    assert use_code(app.test_client(), code).status_code == 302


def test_a_counselor_of_another_center_cannot_give_a_code(login_as, make_center, dara):
    other_client, _ = login_as(Role.COUNSELOR, center_id=make_center().id)
    response = other_client.post(f"/youth/{dara.youth_profile.id}/recovery-code")
    assert response.status_code == 404
    assert db.session.scalar(select(AccountRecovery)) is None


def test_an_admin_may_give_a_code_to_anyone(login_as, make_center, dara):
    admin_client, _ = login_as(Role.ADMIN, center_id=make_center().id)
    assert admin_client.post(f"/youth/{dara.youth_profile.id}/recovery-code").status_code == 200


def test_a_new_code_replaces_the_last_one(app, login_as, dara):
    counselor_client, _ = login_as(Role.COUNSELOR, center_id=dara.youth_profile.center_id)
    first = give_code(counselor_client, dara)
    second = give_code(counselor_client, dara)
    if first != second:
        assert use_code(app.test_client(), first).status_code == 400
    assert use_code(app.test_client(), second).status_code == 302


def test_an_unknown_phone_gets_the_same_answer_as_a_wrong_code(app, dara):
    unknown = use_code(app.test_client(), "123456", phone="097 777 7777")
    wrong = use_code(app.test_client(), "123456")
    assert unknown.status_code == wrong.status_code == 400
    assert unknown.get_data(as_text=True).count("wrong or no longer works") == 1
    assert wrong.get_data(as_text=True).count("wrong or no longer works") == 1


def test_using_a_code_ends_every_session_of_the_account(app, login_as, dara, monkeypatch):
    ended = []
    monkeypatch.setattr(
        "portal.recovery.services.end_all_sessions", lambda user: ended.append(user.id)
    )
    counselor_client, _ = login_as(Role.COUNSELOR, center_id=dara.youth_profile.center_id)
    code = give_code(counselor_client, dara)
    assert ended == []
    assert use_code(app.test_client(), code).status_code == 302
    assert ended == [dara.id]
