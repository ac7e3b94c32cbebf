"""An employer on a 360 px phone invites a short-listed young person to an interview (day, time,
place, a pasted map link refused then fixed, whom to ask for, what to bring); she opens "My
applications" on her phone and reads it. Screenshots in test-artifacts/screenshots/."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.interviews.queries import cambodian_today
from tests.interviews.conftest import shortlist  # noqa: F401  (the fixture)


@pytest.mark.parametrize("language", ["km", "en"])
def test_an_employer_invites_her_on_a_phone_and_she_reads_it(phone, shortlist, language):  # noqa: F811
    s = shortlist(locale=language, employer_name=f"Hotel Sokha {language}")
    day = cambodian_today() + timedelta(days=3)
    tab = phone(language)
    tab.log_in(s.employer.email)

    page = tab.open(f"/employer/applications/{s.application.id}")
    page.locator(f"a[href='/applications/{s.application.id}/interview']").first.click()
    page.wait_for_load_state()
    assert page.locator("#day").get_attribute("type") == "date"
    assert page.locator("#time").get_attribute("type") == "time"
    page.fill("#day", day.isoformat())
    page.fill("#time", "09:00")
    page.fill("#place", "Hotel Sokha, 2nd floor, near Psar Thmei")
    page.fill("#map_url", "javascript:alert(1)")
    page.fill("#ask_for", "Ms Dara at the reception")
    page.fill("#bring", "ID card, a pen")
    assert tab.fits_the_screen()
    tab.shot("interview-form")
    page.locator("form.interview-form button.primary").click()
    page.wait_for_load_state()
    assert page.locator("#map_url-error").is_visible()  # refused, said next to the field
    assert tab.fits_the_screen()
    tab.shot("interview-form-bad-link")

    page.fill("#map_url", "https://maps.app.goo.gl/Xy12AbCdEf")
    page.locator("form.interview-form button.primary").click()
    page.wait_for_load_state()
    assert page.locator("#interview dl.facts").is_visible()  # the interview as set
    assert page.locator(".badge-interview").is_visible()
    assert tab.fits_the_screen()
    tab.shot("application-with-interview")
    page = tab.open(f"/interviews?day={day.isoformat()}")
    row = page.locator(".interview-row")
    assert row.count() == 1 and "Hotel Sokha, 2nd floor" in row.inner_text()
    assert tab.fits_the_screen()
    tab.shot("interviews-of-the-day")

    youth = phone(language)
    youth.log_in(s.youth_user.email)
    page = youth.open("/me/applications")
    card = page.locator(".interview-card.for-youth")
    assert card.is_visible()
    assert card.locator("a[href='https://maps.app.goo.gl/Xy12AbCdEf']").is_visible()
    assert "09:00" in card.inner_text() or "០៩:០០" in card.inner_text()
    assert youth.fits_the_screen()
    youth.shot("her-interview")
