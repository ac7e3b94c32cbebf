"""A counselor, on a phone, approves an employer's posting: it leaves the queue and is public."""

import pytest

from portal.jobs.models import OpeningStatus
from tests.conftest import PASSWORD


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_counselor_approves_a_posting(phone, make_user, make_opening, language):
    counselor = make_user("counselor", email=f"dara-{language}@center.example.org")
    posting = make_opening(title="Sewing Machine Operator", status=OpeningStatus.PENDING_REVIEW)
    tab = phone(language)

    page = tab.open("/login")
    page.fill("#identifier", counselor.email)
    page.fill("#password", PASSWORD)
    tab.shot("login")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()

    page = tab.open("/review")
    item = page.locator("article.review-item", has_text="Sewing Machine Operator")
    assert item.is_visible()
    assert tab.fits_the_screen()
    tab.shot("review-queue")
    item.locator(f"form[action$='/openings/{posting.id}/approve'] button").click()
    page.wait_for_load_state()
    assert page.locator("article.review-item").count() == 0
    tab.shot("approved")

    visitor = phone(language)
    page = visitor.open(f"/openings/{posting.id}")
    assert page.locator("h1").inner_text() == "Sewing Machine Operator"
    visitor.shot("public")
