"""A Pursat counselor's morning on a phone (issue 19): her own queue with the local posting
first, the organization checked and back to the queue, a short list of candidates and one
referral; an opening outside her center's provinces she reads but cannot decide about."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.auth.models import Role
from portal.centers.models import CenterProvince
from portal.extensions import db, utcnow
from portal.jobs.models import OpeningStatus
from portal.places import province_name
from tests.browser.pursat import pursat_caseload

PURSAT, PAILIN, PHNOM_PENH = "15", "24", "12"
MAX_QUEUE_HEIGHT = 2500  # px at 360 wide: a few postings, not the country's 11,000 px
MAX_CANDIDATES_HEIGHT = 3000  # ten compact rows and one form, not 50 text boxes


@pytest.fixture
def pursat(make_center, make_user, make_org, make_opening, make_youth):
    """A Pursat partner (serving Pailin too), the country's postings waiting (Phnom Penh's
    older), a new local sewing posting of an organization not checked yet, and young people of
    the center: 12 who sew, 4 who cook."""
    center = make_center(name="Pursat Career Corner", province_code=PURSAT)
    center.provinces = [CenterProvince(province_code=PAILIN)]
    counselor = make_user(Role.COUNSELOR, center_id=center.id, email="sambath@pursat.example")
    far = []
    for n in range(6):
        opening = make_opening(
            title=f"Phnom Penh cashier {n}",
            province_code=PHNOM_PENH,
            status=OpeningStatus.PENDING_REVIEW,
        )
        opening.created_at = utcnow() - timedelta(days=20 + n)
        far.append(opening)
    workshop = make_org(name="Pursat Sewing Workshop", verified=False)
    workshop.province_code = PURSAT
    local = make_opening(
        organization=workshop,
        title="Sewing machine operator",
        skills=["sewing"],
        province_code=PURSAT,
        status=OpeningStatus.PENDING_REVIEW,
    )
    pursat_caseload(make_youth, center.id, sewers=12)
    db.session.commit()
    return {"counselor": counselor, "local": local, "far": far, "workshop": workshop}


def _height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_pursat_counselors_morning_on_a_phone(phone, pursat, language):
    local, far = pursat["local"], pursat["far"]
    tab = phone(language)
    tab.log_in(pursat["counselor"].email)

    # Her queue: the local posting, first; nothing of Phnom Penh's; short.
    page = tab.open("/review")
    items = page.locator("article.review-item")
    assert items.count() == 1
    assert items.first.locator("h2").inner_text() == "Sewing machine operator"
    assert _height(page) < MAX_QUEUE_HEIGHT and tab.fits_the_screen()
    tab.shot("my-queue")

    # All of Cambodia, one click away, for reading: hers still first, the rest without buttons.
    page.locator(".scope-switch a").click()
    page.wait_for_load_state()
    assert items.count() == 7
    assert items.first.locator("h2").inner_text() == "Sewing machine operator"
    far_item = page.locator(f"#opening-{far[0].id}")
    assert far_item.locator(".out-of-scope").is_visible()
    assert far_item.locator("form").count() == 0
    tab.shot("all-of-cambodia")

    # The organization is checked from the queue, and she comes back to the queue.
    page = tab.open("/review")
    page.locator("a.check-org").click()
    page.wait_for_load_state()
    assert page.locator(f".waiting-openings a[href='/openings/{local.id}']").is_visible()
    page.fill("#note", "Saw the business licence at the workshop.")
    tab.shot("check-organization")
    page.locator("form[action$='/verify'] button").click()
    page.wait_for_load_state()
    assert page.url.endswith("/review")

    # She publishes the posting, then opens its candidates: the best ten who sew, compact.
    page.locator(f"form[action$='/openings/{local.id}/approve'] button").click()
    page.wait_for_load_state()
    page = tab.open(f"/openings/{local.id}/candidates")
    rows = page.locator("li.candidate-row")
    assert rows.count() == 10
    assert page.locator("textarea").count() == 1
    assert page.locator("a.show-more").is_visible()  # the cooks, on demand
    assert _height(page) < MAX_CANDIDATES_HEIGHT and tab.fits_the_screen()
    tab.shot("candidates")

    # One referral form, for the person she chooses.
    chosen = rows.nth(2)
    name = chosen.locator("label.name").inner_text()
    chosen.locator("label.name").click()
    page.fill("#refer-note", "Sews school uniforms at home; lives 2 km away.")
    tab.shot("referral")
    page.locator("form.refer-chosen button.primary").click()
    page.wait_for_load_state()
    assert name in page.locator(".flash-success").inner_text()
    assert page.locator("li.candidate-row", has_text=name).locator(".applied").is_visible()
    tab.shot("referred")

    # Outside her provinces: she may refer her own young people to it (they move for work),
    # but the server refuses to let her decide about the opening itself.
    response = page.goto(tab.base_url + f"/openings/{far[0].id}/edit")
    assert response.status == 403
    reason = page.locator("main p").first.inner_text()  # where it is, and her provinces
    assert province_name(PHNOM_PENH, language) in reason
    assert province_name(PURSAT, language) in reason
    tab.shot("refused")
