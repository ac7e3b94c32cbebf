"""A shared computer at a center, on a phone-sized screen: a counselor makes it a kiosk, a young
person logs in (nothing offers to remember it), sees the big Done button, and walks away; the
page goes back to a logged-out page by itself (no JavaScript) once the idle minutes have passed."""

from __future__ import annotations

import time

import pytest

from portal.kiosk import idle


@pytest.fixture
def later(monkeypatch):
    """The kiosk's clock runs with real time plus a jump the test makes (no waiting 5 minutes)."""

    class Later:
        offset = 0.0

        def __call__(self) -> float:
            return time.time() + self.offset

    clock = Later()
    monkeypatch.setattr(idle, "clock", clock)
    return clock


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_kiosk_at_the_center(phone, make_center, make_user, later, language):
    center = make_center(f"Kampot center {language}", kiosk_mode=True)
    counselor = make_user("counselor", center_id=center.id, email=f"k-{language}@center.example")
    youth = make_user("youth", email=f"srey-{language}@example.org")
    tab = phone(language)

    page = tab.log_in(counselor.email)
    page = tab.open("/kiosk")
    page.locator("form[action$='/kiosk/start'] button").click()
    page.wait_for_load_state()
    tab.shot("kiosk-set-up")
    page.locator("header form.kiosk-done button").click()
    page.wait_for_load_state()

    page = tab.open("/login")
    if page.locator("html").get_attribute("lang") != language:  # Done forgot the language too
        page.locator("form.lang button").click()
        page.wait_for_load_state()
    assert page.locator("#remember").count() == 0  # nothing offers to remember the login
    tab.shot("login-without-remember")
    page = tab.log_in(youth.email)
    logged_in_at = time.time()
    page = tab.open("/")
    done = page.locator("header form.kiosk-done button")
    assert done.is_visible()
    assert tab.fits_the_screen()
    tab.shot("done-button")

    # She walks away. 4 seconds before her 5 minutes are up, an early visit of the idle page
    # logs nobody out; that page then refreshes itself when the time has passed.
    later.offset = 5 * 60 - 4 - (time.time() - logged_in_at)
    page = tab.open("/kiosk/idle?next=/me/profile")
    assert "/kiosk/idle" in page.url and done.is_visible()
    page.wait_for_url(tab.base_url + "/", timeout=10_000)  # the page refreshes itself
    assert done.count() == 0
    assert page.locator(".flash").count() == 1
    tab.shot("logged-out-when-idle")
    page = tab.open("/me/profile")
    assert "/login" in page.url
