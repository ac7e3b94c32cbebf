from portal.auth.models import Role, User
from portal.extensions import db
from tests.conftest import PASSWORD


def test_login_with_phone_in_any_format(client, make_user):
    make_user(Role.YOUTH, phone="012 345 678", email=None)
    response = client.post("/login", data={"identifier": "+855 12-345-678", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/me/profile")


def test_login_with_email_ignores_case(client, make_user):
    make_user(Role.COUNSELOR, email="dara@center.org")
    response = client.post("/login", data={"identifier": "Dara@Center.org", "password": PASSWORD})
    assert response.status_code == 302


def test_wrong_password_is_refused_with_a_message(client, make_user):
    make_user(Role.YOUTH, email="a@example.org")
    response = client.post("/login", data={"identifier": "a@example.org", "password": "nope"})
    assert response.status_code == 400
    assert "Wrong phone number, e-mail or password." in response.get_data(as_text=True)


def test_switched_off_account_cannot_log_in(client, make_user, ctx):
    from portal.extensions import db

    user = make_user(Role.EMPLOYER, email="off@example.org")
    user.active = False
    db.session.commit()
    response = client.post("/login", data={"identifier": "off@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "switched off" in response.get_data(as_text=True)


def test_login_does_not_redirect_off_site(client, make_user):
    make_user(Role.YOUTH, email="b@example.org")
    response = client.post(
        "/login?next=//evil.example/", data={"identifier": "b@example.org", "password": PASSWORD}
    )
    assert "evil.example" not in response.headers["Location"]


def test_passwords_are_stored_as_scrypt_hashes_outside_tests(app, ctx, monkeypatch):
    from portal.auth.models import User

    monkeypatch.delitem(app.config, "PASSWORD_HASH_METHOD")
    user = User(role=Role.YOUTH, email="hash@example.org")
    user.set_password(PASSWORD)
    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert user.check_password(PASSWORD) and not user.check_password("wrong")


def test_the_language_chosen_before_logging_in_becomes_the_accounts(client, make_user):
    user = make_user(Role.YOUTH, email="dara@example.org")
    assert user.locale is None
    client.post("/lang/km")

    client.post("/login", data={"identifier": "dara@example.org", "password": PASSWORD})

    assert db.session.get(User, user.id).locale == "km"
    assert "ផ្លូវ" in client.get("/me/profile").get_data(as_text=True)
