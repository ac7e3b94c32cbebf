"""Registered at the desk, then on her own phone in Khmer: a counselor prints her a slip with a
claim code; at home she first tries to sign up with her number and is sent to her center's code;
she claims her profile with it and finds her counselor's referral among her applications."""

from datetime import date

from portal.auth.models import Role
from portal.extensions import db
from portal.placements.models import ApplicationSource
from tests.conftest import PASSWORD

NEW_PASSWORD = "ផ្កាឈូក-rice-2026"


def test_a_desk_registered_youth_claims_her_profile_on_her_phone(
    phone, make_user, make_center, make_youth, make_application, make_opening
):
    center = make_center(name="មជ្ឈមណ្ឌលពោធិ៍សាត់", province_code="15", phone="052 951 000")
    counselor = make_user(Role.COUNSELOR, center_id=center.id, email="dara@center.example.org")
    profile = make_youth(full_name="ចាន់ ស្រីមុំ", phone="012345678", center_id=center.id,
                         province_code="15", date_of_birth=date(2006, 3, 2))  # fmt: skip
    make_application(youth=profile, opening=make_opening(title="ជាងដេរ"),
                     source=ApplicationSource.REFERRED)  # fmt: skip
    db.session.commit()
    profile_id = profile.id

    desk = phone("km")
    desk.log_in(counselor.email, PASSWORD)
    page = desk.open(f"/youth/{profile_id}")
    give = page.locator(f"form[action$='/youth/{profile_id}/claim-code'] button")
    give.scroll_into_view_if_needed()
    give.click()
    page.wait_for_load_state()
    code = page.locator(".slip .one-time-code").inner_text()
    slip = page.locator(".slip").inner_text()
    assert "Your Phlov profile is ready" in slip and "ប្រវត្តិរូប Phlov" in slip  # both languages
    assert desk.fits_the_screen()
    desk.shot("slip")
    page.emulate_media(media="print")  # what the printer gets: the slip, not the menus
    assert not page.locator("header.top").is_visible()
    assert page.locator(".slip").is_visible()
    page.emulate_media(media="screen")

    tab = phone("km")
    page = tab.open("/signup")
    page.fill("#full_name", "ស្រីមុំ")
    page.fill("#phone", "០១២ ៣៤៥ ៦៧៨")
    page.fill("#password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    page.select_option("#gender", "female")
    page.fill("#date_of_birth", "2006-03-02")
    page.select_option("#province_code", "15")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert "សូមសុំលេខកូដពីមជ្ឈមណ្ឌលរបស់អ្នក" in page.locator("main").inner_text()
    assert "ចាន់ ស្រីមុំ" not in page.content()
    tab.shot("ask-your-center-for-your-code")

    page.locator("main a[href$='/claim']").first.click()
    page.wait_for_load_state()
    page.fill("#code", code.lower())
    page.fill("#phone", "012 345 678")
    page.fill("#password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    assert tab.fits_the_screen()
    tab.shot("claim")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert page.url.endswith("/me/profile")
    page = tab.open("/me/applications")
    assert "ជាងដេរ" in page.locator("main").inner_text()  # the referral her counselor made
    assert tab.fits_the_screen()
    tab.shot("her-applications")
