"""On a phone: a counselor opens a young woman's profile; she reads, in Khmer, who looked at it;
the admin finds the same look on the audit trail, filtered by her name."""

from __future__ import annotations

from portal.extensions import db


def test_who_looked_at_her_profile_on_a_phone_in_khmer(phone, make_center, make_user):
    center = make_center("មជ្ឈមណ្ឌលបាត់ដំបង")
    counselor = make_user(
        "counselor", center_id=center.id, display_name="ជា សុគន្ធា", email="sok@center.example"
    )
    admin = make_user("admin", display_name="Vibol", email="vibol@center.example")
    youth = make_user("youth", email="leak@example.org")
    youth.youth_profile.center_id, youth.youth_profile.full_name = center.id, "ស្រី លក្ខណ៍"
    db.session.commit()

    staff_tab = phone("km")
    staff_tab.log_in(counselor.email)
    staff_tab.open(f"/youth/{youth.youth_profile.id}")
    staff_tab.shot("counselor-opens-her-profile")

    her_tab = phone("km")
    her_tab.log_in(youth.email)
    page = her_tab.open("/me/profile")
    page.get_by_role("link", name="អ្នកណាបានមើលប្រវត្តិរូបរបស់អ្នក").click()
    page.wait_for_load_state()
    her_tab.shot("who-looked")
    seen = page.locator("ul.who-looked li").first.inner_text()
    assert "ជា សុគន្ធា, មជ្ឈមណ្ឌលបាត់ដំបង" in seen
    assert "បានបើកមើលប្រវត្តិរូបរបស់អ្នក" in seen
    assert her_tab.fits_the_screen()

    admin_tab = phone("en")
    admin_tab.log_in(admin.email)
    page = admin_tab.open("/admin/audit")
    page.fill("#youth", "ស្រី លក្ខណ៍")
    page.locator("form.filters button").click()
    page.wait_for_load_state()
    admin_tab.shot("admin-trail-filtered")
    row = page.locator("table.audit tbody tr").first.inner_text()
    assert "ជា សុគន្ធា" in row and "Profile opened" in row
    assert page.locator("table.audit tbody tr").count() == 1
    assert admin_tab.fits_the_screen()
