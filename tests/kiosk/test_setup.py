"""A counselor at the shared computer makes it a kiosk of the center, or stops that."""

from __future__ import annotations

import pytest

from portal.kiosk.device import COOKIE_NAME
from tests.conftest import login


@pytest.fixture
def counselor_here(app, make_user, kiosk_center):
    """A counselor of the kiosk center, logged in on the computer to set up."""
    user = make_user("counselor", center_id=kiosk_center.id)
    return login(app.test_client(), user), user


def test_a_counselor_makes_this_computer_a_kiosk(counselor_here, kiosk_center):
    client, _user = counselor_here
    page = client.get("/kiosk").get_data(as_text=True)
    assert "Make this computer a kiosk" in page

    response = client.post("/kiosk/start", data={"center_id": kiosk_center.id})

    cookie = next(h for h in response.headers.getlist("Set-Cookie") if COOKIE_NAME in h)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Expires" in cookie
    page = client.get("/kiosk").get_data(as_text=True)
    assert "This computer is a kiosk of Kampot center." in page
    assert "logged out after 5 minutes without use" in page
    assert ">Done</button>" in page


def test_a_counselor_stops_kiosk_mode_here(counselor_here, kiosk_center):
    client, _user = counselor_here
    client.post("/kiosk/start", data={"center_id": kiosk_center.id})

    response = client.post("/kiosk/stop", follow_redirects=True)

    assert "This computer is no longer a kiosk." in response.get_data(as_text=True)
    assert client.get_cookie(COOKIE_NAME) is None
    assert ">Done</button>" not in client.get("/review").get_data(as_text=True)


def test_a_counselor_sets_up_kiosks_of_their_own_center_only(counselor_here, make_center):
    client, _user = counselor_here
    other = make_center("Takeo center", kiosk_mode=True)

    response = client.post("/kiosk/start", data={"center_id": other.id})

    assert response.status_code == 400
    assert client.get_cookie(COOKIE_NAME) is None


def test_an_admin_may_set_up_any_centers_kiosk(login_as, kiosk_center, make_center):
    client, _admin = login_as("admin")
    make_center("Center without kiosks")
    page = client.get("/kiosk").get_data(as_text=True)
    assert "Kampot center" in page and "Center without kiosks" not in page

    client.post("/kiosk/start", data={"center_id": kiosk_center.id})

    assert client.get_cookie(COOKIE_NAME) is not None


def test_without_kiosk_mode_the_page_says_to_ask_an_admin(login_as):
    client, _user = login_as("counselor")
    page = client.get("/kiosk").get_data(as_text=True)
    assert "Kiosk mode is off for your center." in page
    assert "/kiosk/start" not in page


@pytest.mark.parametrize("role", ["youth", "employer"])
def test_youth_and_employers_cannot_make_or_stop_a_kiosk(login_as, kiosk_center, role):
    client, _user = login_as(role)
    assert client.get("/kiosk").status_code == 403
    assert client.post("/kiosk/start", data={"center_id": kiosk_center.id}).status_code == 403
    assert client.post("/kiosk/stop").status_code == 403
    assert client.get_cookie(COOKIE_NAME) is None


def test_on_a_kiosk_a_youth_cannot_stop_it(youth_on_kiosk):
    client, _user = youth_on_kiosk
    assert client.post("/kiosk/stop").status_code == 403
    assert client.get_cookie(COOKIE_NAME) is not None
