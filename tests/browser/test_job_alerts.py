"""Job alerts on a 360 px phone, in Khmer (issue 16): an employer's new sewing opening in Pursat
is approved, `flask alerts send` runs, and the young woman from Pursat who sews finds it in her
notifications, opens it from the message and applies; she also asks for alerts about a search.
(The Telegram copy of the same message is tested with the Telegram transport.)"""

from __future__ import annotations

from portal.auth.models import Role
from portal.extensions import db
from portal.placements.models import Application
from tests.browser.pursat import girl_from_pursat_who_sews, sewing_opening_approved_and_alerted


def test_a_new_sewing_job_reaches_the_girl_from_pursat_who_applies_from_the_alert(
    phone, make_user, make_opening, runner
):
    youth = girl_from_pursat_who_sews(make_user)
    opening = sewing_opening_approved_and_alerted(make_user, make_opening, runner)

    tab = phone("km")
    tab.log_in(youth.login_name)
    page = tab.open("/notifications")
    item = page.locator("li.notification").first
    assert "ឱកាសថ្មីសម្រាប់អ្នក" in item.inner_text()
    assert "ឱកាសការងារថ្មី 1 សម្រាប់អ្នក៖ ជាងដេរ" in item.inner_text()
    assert tab.fits_the_screen()
    tab.shot("alert-in-notifications")

    item.locator("button.notification-title").click()
    page.wait_for_load_state()
    assert "/me/alerts/" in page.url
    assert tab.fits_the_screen()
    tab.shot("alert-digest")
    page.locator(".opening-card a", has_text="ជាងដេរ").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "ជាងដេរ"
    page.locator(".apply-box a.button.primary").click()
    page.wait_for_load_state()
    page.fill("textarea[name=message]", "ខ្ញុំចេះដេរ ២ឆ្នាំ។")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    tab.shot("applied-from-alert")
    db.session.rollback()  # the server wrote since
    assert Application.query.one().opening_id == opening.id


def test_she_asks_for_alerts_about_a_search_on_her_phone(phone, make_user, make_opening, reindex):
    youth = make_user(Role.YOUTH)
    make_opening(title="ជាងដេរ", skills=["ដេរ"], province_code="15")
    reindex()
    tab = phone("km")
    tab.log_in(youth.login_name)

    page = tab.open("/openings?q=ដេរ&province=15")
    page.locator("form.alert-me button").click()
    page.wait_for_load_state()
    assert "បានរក្សាទុក។" in page.locator("main").inner_text()
    assert tab.fits_the_screen()
    tab.shot("search-saved")
    page = tab.open("/me/alerts")
    assert "“ដេរ”" in page.locator("main").inner_text()
    assert tab.fits_the_screen()
    tab.shot("my-job-alerts")
