"""A young person who walks away from a kiosk is logged out after the center's idle minutes."""

from __future__ import annotations

import re

from portal.extensions import db


def _refresh(page: str) -> tuple[int, str]:
    """(seconds, url) of the page's <meta http-equiv="refresh">."""
    match = re.search(r'<meta http-equiv="refresh" content="(\d+);url=([^"]+)">', page)
    assert match, "no idle refresh on the page"
    return int(match[1]), match[2].replace("&amp;", "&")


def test_logged_out_after_5_idle_minutes(youth_on_kiosk, clock):
    client, _user = youth_on_kiosk
    assert client.get("/me/profile").status_code == 200

    clock.advance(minutes=5)
    response = client.get("/me/profile", follow_redirects=True)

    page = response.get_data(as_text=True)
    assert response.request.path == "/"
    assert "You were logged out after 5 minutes without use." in page
    assert client.get("/me/profile").headers["Location"].startswith("/login")


def test_still_logged_in_after_4_idle_minutes(youth_on_kiosk, clock):
    client, _user = youth_on_kiosk
    client.get("/me/profile")

    for _ in range(3):  # each click starts the 5 minutes again
        clock.advance(minutes=4)
        assert client.get("/me/profile").status_code == 200


def test_a_form_posted_after_the_idle_time_logs_out_first(youth_on_kiosk, clock):
    client, _user = youth_on_kiosk
    client.get("/me/profile")

    clock.advance(minutes=6)
    response = client.post("/lang/km", data={"next": "/me/profile"})

    assert response.headers["Location"] == "/"
    assert client.get("/me/profile").status_code == 302


def test_each_kiosk_page_goes_back_to_a_logged_out_page_by_itself(youth_on_kiosk, clock):
    client, _user = youth_on_kiosk
    page = client.get("/jobs?q=cook").get_data(as_text=True)

    seconds, url = _refresh(page)
    assert seconds == 300
    assert url == "/kiosk/idle?next=/jobs?q%3Dcook"

    clock.advance(seconds=seconds)
    response = client.get(url, follow_redirects=True)
    assert response.request.path == "/"
    assert "You were logged out after 5 minutes without use." in response.get_data(as_text=True)
    assert "Done" not in response.get_data(as_text=True)


def test_the_idle_page_never_logs_out_early(youth_on_kiosk, clock):
    client, _user = youth_on_kiosk
    _seconds, url = _refresh(client.get("/me/profile").get_data(as_text=True))

    clock.advance(minutes=2)  # a stray or early visit of the idle URL
    response = client.get(url)

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "You are still logged in" in page
    assert 'href="/me/profile"' in page
    assert _refresh(page) == (180, url)  # it does not count as use: 3 minutes are left
    clock.advance(minutes=3)
    assert client.get(url).headers["Location"] == "/"
    assert client.get("/me/profile").status_code == 302


def test_the_idle_url_sends_nobody_off_site(youth_on_kiosk, clock):
    client, _user = youth_on_kiosk
    client.get("/me/profile")
    clock.advance(minutes=1)
    page = client.get("/kiosk/idle?next=//evil.example/").get_data(as_text=True)
    assert 'href="/"' in page.split("<main>")[1]
    assert "evil.example" not in page.split("<main>")[1]
    assert _refresh(page)[1] == "/kiosk/idle"


def test_the_idle_minutes_are_the_centers(youth_on_kiosk, kiosk_center, clock, ctx):
    kiosk_center.kiosk_idle_minutes = 2
    db.session.commit()
    client, _user = youth_on_kiosk
    page = client.get("/me/profile").get_data(as_text=True)
    assert _refresh(page)[0] == 120

    clock.advance(minutes=2)
    assert client.get("/me/profile").headers["Location"] == "/"


def test_staff_are_logged_out_on_a_kiosk_too(kiosk_browser, make_user, clock):
    from tests.conftest import login

    login(kiosk_browser, make_user("counselor"))
    assert kiosk_browser.get("/review").status_code == 200
    clock.advance(minutes=5)
    assert kiosk_browser.get("/review").headers["Location"] == "/"


def test_outside_a_kiosk_nobody_is_logged_out_for_idling(login_as, clock):
    client, _user = login_as("youth")
    client.get("/me/profile")
    clock.advance(minutes=600)
    page = client.get("/me/profile").get_data(as_text=True)
    assert client.get("/me/profile").status_code == 200
    assert 'http-equiv="refresh"' not in page
