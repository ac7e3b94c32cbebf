"""A counselor, on a phone, turns on two-factor login with the QR code, then logs in with the
code her app shows."""

import re
import time

import pyotp
import pytest

from portal.auth.models import Role


@pytest.mark.parametrize("language", ["en", "km"])
def test_a_counselor_turns_on_two_factor_and_logs_in_with_it(phone, make_user, app, language):
    counselor = make_user(Role.COUNSELOR, email=f"mealea-{language}@center.example.org")
    tab = phone(language)
    page = tab.log_in(counselor.email)

    page = tab.open("/account/two-factor")
    qr = page.locator("img.totp-qr")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # the QR code is drawn
    secret = re.sub(r"\s", "", page.locator(".totp-secret").inner_text())
    assert tab.fits_the_screen()
    tab.shot("set-up")
    page.fill("#code", pyotp.TOTP(secret).now())
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert page.locator(".recovery-codes li").count() == 10
    tab.shot("recovery-codes")

    again = phone(language)
    page = again.log_in(counselor.email)
    assert page.url.endswith("/login/two-factor")
    again.shot("asks-for-code")
    # The app's next code (within the ±1 step window): the set-up code is never taken twice.
    page.fill("#code", pyotp.TOTP(secret).at(time.time() + 30))
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert page.url.endswith("/caseload")
    again.shot("logged-in")
