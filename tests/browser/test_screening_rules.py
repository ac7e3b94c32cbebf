"""An admin, on a phone, reads the screening rules, switches one off, and tries a text against
the rules: the words that raised a flag are marked, and the rule switched off no longer fires."""

import pytest

from tests.screening_admin.conftest import FEE, PICKY


@pytest.mark.parametrize("language", ["km", "en"])
def test_an_admin_switches_a_rule_off_and_tries_a_text(phone, make_user, language):
    admin = make_user("admin", email=f"sophea-{language}@center.example.org")
    tab = phone(language)
    page = tab.log_in(admin.email)

    page = tab.open("/admin/screening/rules")
    rule = page.locator("#rule-discrimination")
    assert rule.locator("p[lang=km]").is_visible() and rule.locator("p[lang=en]").is_visible()
    assert tab.fits_the_screen()
    tab.shot("rules")
    rule.locator("form button").click()
    page.wait_for_load_state()
    assert page.locator("#rule-discrimination.rule-off").count() == 1
    tab.shot("switched-off")

    page = tab.open("/admin/screening/try")
    page.fill("#title", "Sewing operators")
    page.fill("#description", f"{PICKY} {FEE}")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    result = page.locator("#trial")
    assert result.locator("mark.flag-fees").first.is_visible()
    assert "discrimination" not in result.inner_text()
    assert tab.fits_the_screen()
    tab.shot("tried")
