"""On a kiosk the login is never remembered, and "Done" leaves the computer clean."""

from __future__ import annotations

from portal.kiosk.device import COOKIE_NAME
from tests.conftest import PASSWORD


def test_every_kiosk_page_shows_done_while_someone_is_logged_in(youth_on_kiosk):
    client, _user = youth_on_kiosk
    for url in ("/", "/jobs", "/me/profile"):
        page = client.get(url).get_data(as_text=True)
        assert 'action="/kiosk/done"' in page.split("</header>")[0], url
        assert ">Done</button>" in page
        assert 'action="/logout"' not in page  # one way out, the one that clears everything


def test_done_logs_out_and_says_thank_you(youth_on_kiosk):
    client, _user = youth_on_kiosk
    client.post("/lang/en", data={"next": "/"})

    response = client.post("/kiosk/done", follow_redirects=True)

    page = response.get_data(as_text=True)
    assert response.request.path == "/"
    assert "You are logged out. Thank you!" in page
    assert ">Done</button>" not in page
    assert client.get("/me/profile").headers["Location"].startswith("/login")
    with client.session_transaction() as session:
        assert "lang" not in session  # the next person starts afresh
    assert client.get_cookie(COOKIE_NAME) is not None  # still a kiosk


def test_no_done_button_for_visitors_or_outside_kiosks(kiosk_browser, login_as):
    assert "/kiosk/done" not in kiosk_browser.get("/").get_data(as_text=True)
    client, _user = login_as("youth")
    page = client.get("/me/profile").get_data(as_text=True)
    assert "/kiosk/done" not in page
    assert 'action="/logout"' in page  # elsewhere, the ordinary way out


def test_a_kiosk_never_offers_to_remember_a_login(kiosk_browser, client):
    assert "Keep me logged in" in client.get("/login").get_data(as_text=True)
    assert "Keep me logged in" not in kiosk_browser.get("/login").get_data(as_text=True)


def test_a_kiosk_login_is_not_remembered_even_when_asked(kiosk_browser, make_user):
    user = make_user("youth")

    response = kiosk_browser.post(
        "/login", data={"identifier": user.login_name, "password": PASSWORD, "remember": "y"}
    )

    assert response.status_code == 302
    assert kiosk_browser.get_cookie("remember_token") is None
    session_cookie = [h for h in response.headers.getlist("Set-Cookie") if "session=" in h]
    assert session_cookie and "Expires" not in session_cookie[0]  # gone with the browser


def test_elsewhere_the_login_is_remembered_when_asked(client, make_user):
    user = make_user("youth")
    client.post(
        "/login", data={"identifier": user.login_name, "password": PASSWORD, "remember": "y"}
    )
    assert client.get_cookie("remember_token") is not None


def test_a_remembered_login_from_before_does_not_log_in_on_a_kiosk(
    app, client, make_user, kiosk_center
):
    from tests.kiosk.conftest import kiosk_cookie

    user = make_user("youth")
    client.post(
        "/login", data={"identifier": user.login_name, "password": PASSWORD, "remember": "y"}
    )
    client.delete_cookie("session", domain="localhost")  # the browser was closed
    assert client.get("/me/profile").status_code == 200  # remembered

    client.delete_cookie("session", domain="localhost")
    client.set_cookie(COOKIE_NAME, kiosk_cookie(app, kiosk_center.id), domain="localhost")

    assert client.get("/me/profile").headers["Location"].startswith("/login")
    assert client.get_cookie("remember_token") is None
