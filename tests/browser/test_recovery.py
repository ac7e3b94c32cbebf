"""A young person with a phone and no e-mail forgot her password: at her center, a counselor
checks who she is and gives her a code; on her phone, in Khmer, she chooses a new password."""

from portal.auth.models import Role
from portal.extensions import db
from tests.conftest import PASSWORD

NEW_PASSWORD = "ផ្កាឈូក-rice-2026"


def test_a_young_person_gets_back_in_with_her_counselors_code(phone, make_user, make_center):
    center = make_center(name="មជ្ឈមណ្ឌលបាត់ដំបង", phone="053 952 123")
    counselor = make_user(Role.COUNSELOR, center_id=center.id, email="sokha@center.example.org")
    youth = make_user(Role.YOUTH, email=None, phone="012 345 678", locale="km")
    youth.youth_profile.center_id = center.id
    youth.youth_profile.full_name = "ស្រីនាង"
    db.session.commit()
    profile_id = youth.youth_profile.id

    # At the center: the counselor checks her ID card and gives her a code.
    desk = phone("km")
    desk.log_in(counselor.email, PASSWORD)
    page = desk.open(f"/youth/{profile_id}")
    give = page.locator(f"form[action$='/youth/{profile_id}/recovery-code'] button")
    give.scroll_into_view_if_needed()
    desk.shot("counselor-youth-page")
    give.click()
    page.wait_for_load_state()
    code = page.locator(".one-time-code").inner_text().replace(" ", "")
    assert len(code) == 6 and code.isdigit()
    assert "012345678" in page.locator("main").inner_text()
    assert desk.fits_the_screen()
    desk.shot("code-given")

    # On her phone, in Khmer.
    tab = phone("km")
    page = tab.open("/login")
    page.locator("a[href$='/password/forgot']").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "km"
    assert page.locator("h1").inner_text() == "ភ្លេចពាក្យសម្ងាត់?"
    page.fill("#identifier", "០១២ ៣៤៥ ៦៧៨")  # typed with the Khmer keyboard's digits
    tab.shot("forgot")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert "053 952 123" in page.locator("main").inner_text()  # her center's phone
    assert tab.fits_the_screen()
    tab.shot("ask-your-center")

    page.locator("main a[href$='/password/code']").first.click()
    page.wait_for_load_state()
    page.fill("#identifier", "012345678")
    page.fill("#code", code)
    page.fill("#password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    assert tab.fits_the_screen()
    tab.shot("code-and-new-password")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert page.url.endswith("/login")
    assert "ពាក្យសម្ងាត់ថ្មីរបស់អ្នកត្រូវបានរក្សាទុកហើយ" in page.locator("main").inner_text()
    tab.shot("password-saved")

    page = tab.log_in("012345678", NEW_PASSWORD)
    assert page.url.endswith("/me/profile")
    tab.shot("logged-in")

    stranger = phone("km")  # her old password no longer opens the account
    page = stranger.log_in("012345678", PASSWORD)
    assert page.url.endswith("/login")
    assert page.locator(".error").count() >= 1
    stranger.shot("old-password-refused")
