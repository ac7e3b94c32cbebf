"""A posting with red flags never becomes public by any path: the employer's form, a counselor's
own posting, an edit after approval, the CSV import, the API, the demo seed. "review" ones wait for
a counselor who says they checked the warnings; every decision is recorded."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import Opening, OpeningStatus, ScreeningLevel
from portal.notifications.models import Notification
from tests.jobs.payloads import opening_payload

SCAM_TITLE = "Customer service, online work"
SCAM_TEXT = (
    "High salary $2000 a month, no experience needed. Free flight and visa. "
    "Pay a deposit of $300 before you leave. Contact on Telegram only. Leave this week!"
)
PICKY_TEXT = "Garment factory in Phnom Penh needs operators. Only young women, unmarried."
SAFE_TEXT = "Sew shirts in a clean factory. Training on the first week."


def _opening(title: str) -> Opening:
    return db.session.scalar(select(Opening).where(Opening.title == title))


def _is_public(client, opening: Opening) -> bool:
    listed = opening.title in client.get("/openings").get_data(as_text=True)
    return listed or client.get(f"/openings/{opening.id}").status_code == 200


def test_an_employers_scam_posting_waits_as_high_with_the_words_that_raised_it(app, login_as):
    employer_client, employer = login_as(Role.EMPLOYER)
    employer_client.post(
        "/openings/new", data=opening_payload(title=SCAM_TITLE, description=SCAM_TEXT)
    )
    opening = _opening(SCAM_TITLE)
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert opening.screening_level == ScreeningLevel.HIGH
    assert opening.screened_at is not None
    fees = next(r for r in opening.screening_reasons if r["name"] == "fees")
    assert fees["matched_text"] == "Pay a deposit"
    assert fees["spans"][0]["field"] == "description" and fees["explanation_km"]
    assert not _is_public(app.test_client(), opening)


def test_a_counselors_own_scam_posting_is_not_published_by_publish_now(app, login_as):
    client, counselor = login_as(Role.COUNSELOR)
    org_id = login_as(Role.EMPLOYER)[1].organization_id
    response = client.post(
        "/openings/new",
        data=opening_payload(
            title=SCAM_TITLE, description=SCAM_TEXT, organization=str(org_id), publish="1"
        ),
        follow_redirects=True,
    )
    assert "warning signs, so it is not published" in response.get_data(as_text=True)
    opening = _opening(SCAM_TITLE)
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert not _is_public(app.test_client(), opening)


def test_a_counselor_cannot_approve_a_high_opening_only_decline_or_send_back(
    app, login_as, make_opening, runner
):
    client, _ = login_as(Role.COUNSELOR)
    opening = make_opening(
        title=SCAM_TITLE, description=SCAM_TEXT, status=OpeningStatus.PENDING_REVIEW
    )
    runner.invoke(args=["openings", "screen"])  # saved past the services: screened by the CLI
    queue = client.get("/review").get_data(as_text=True)
    assert "cannot be published: its warning signs are serious" in queue
    assert f"/openings/{opening.id}/approve" not in queue
    response = client.post(
        f"/openings/{opening.id}/approve", data={"confirm_warnings": "y"}, follow_redirects=True
    )
    assert "It cannot be published." in response.get_data(as_text=True)
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert opening.screening_level == ScreeningLevel.HIGH
    assert not _is_public(app.test_client(), opening)
    client.post(f"/openings/{opening.id}/decline", data={"reason": "A scam: fees and Telegram."})
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.DECLINED


def test_a_review_opening_needs_the_counselors_confirmation_which_is_recorded(
    app, login_as, make_opening
):
    client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(
        title="Sewing operator", description=PICKY_TEXT, status=OpeningStatus.PENDING_REVIEW
    )
    response = client.post(f"/openings/{opening.id}/approve", follow_redirects=True)
    assert "tick “I checked these warnings”" in response.get_data(as_text=True)
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert opening.screening_level == ScreeningLevel.REVIEW
    assert 'name="confirm_warnings"' in client.get("/review").get_data(as_text=True)

    client.post(f"/openings/{opening.id}/approve", data={"confirm_warnings": "y"})
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PUBLISHED
    assert opening.screening_confirmed_by_id == counselor.id
    assert opening.screening_confirmed_at is not None
    change = opening.status_changes[-1]
    assert change.changed_by_id == counselor.id and "discrimination" in change.reason
    assert _is_public(app.test_client(), opening)


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.EMPLOYER])
def test_an_edit_after_approval_that_adds_red_flags_takes_it_off_the_public_list(
    app, login_as, make_opening, make_user, role
):
    client, user = login_as(role)
    organization = user.organization if role == Role.EMPLOYER else None
    opening = make_opening(organization=organization, title="Hotel cleaner")
    member = make_user(Role.EMPLOYER, organization_id=opening.organization_id)
    assert _is_public(app.test_client(), opening)
    client.post(
        f"/openings/{opening.id}/edit",
        data=opening_payload(title="Hotel cleaner", description=SCAM_TEXT),
    )
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert opening.screening_level == ScreeningLevel.HIGH
    assert not _is_public(app.test_client(), opening)
    if role == Role.COUNSELOR:  # the organization did not make the change: it is told
        told = db.session.scalar(select(Notification).where(Notification.user_id == member.id))
        assert told is not None and told.params["decision"] == "held"
    with pytest.raises(services.ScreeningHold):
        services.publish(opening, by=None)


def test_a_safe_edit_by_a_counselor_keeps_the_opening_public(app, login_as, make_opening):
    client, _ = login_as(Role.COUNSELOR)
    opening = make_opening(title="Hotel cleaner")
    client.post(
        f"/openings/{opening.id}/edit",
        data=opening_payload(title="Hotel cleaner", description=SAFE_TEXT),
    )
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PUBLISHED
    assert opening.screening_level == ScreeningLevel.NONE


def _write(tmp_path, rows):
    path = tmp_path / "openings.csv"
    header = ["ref", "kind", "title", "organization", "province", "description", "work_country"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _row(ref, title, description, country=""):
    return {
        "ref": ref,
        "kind": "job",
        "title": title,
        "organization": "Golden Thread Garment",
        "province": "Phnom Penh",
        "description": description,
        "work_country": country,
    }


def test_the_csv_import_publishes_safe_rows_holds_flagged_ones_and_lists_them(
    app, ctx, runner, tmp_path
):
    path = _write(
        tmp_path,
        [
            _row("J-1", "Sewing machine operator", SAFE_TEXT),
            _row("J-2", SCAM_TITLE, SCAM_TEXT),
            _row("J-3", "Sewing operator", PICKY_TEXT),
        ],
    )
    result = runner.invoke(args=["openings", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "line 3: Opening J-2 of Golden Thread Garment has warning signs (high)" in result.output
    assert "fees (Pay a deposit)" in result.output
    assert (
        "line 4: Opening J-3 of Golden Thread Garment has warning signs (review)" in result.output
    )
    assert "line 2:" not in result.output
    statuses = {o.ref: o.status for o in db.session.scalars(select(Opening))}
    assert statuses == {
        "J-1": OpeningStatus.PUBLISHED,
        "J-2": OpeningStatus.PENDING_REVIEW,
        "J-3": OpeningStatus.PENDING_REVIEW,
    }


def test_importing_again_with_red_flags_takes_a_published_opening_off_the_list(
    app, ctx, runner, tmp_path
):
    first = _write(tmp_path, [_row("J-1", "Cook", SAFE_TEXT)])
    runner.invoke(args=["openings", "import", str(first)])
    assert _opening("Cook").status == OpeningStatus.PUBLISHED
    result = runner.invoke(
        args=["openings", "import", str(_write(tmp_path, [_row("J-1", "Cook", SCAM_TEXT)]))]
    )
    assert "line 2: Opening J-1 of Golden Thread Garment has warning signs (high)" in result.output
    db.session.expire_all()
    assert _opening("Cook").status == OpeningStatus.PENDING_REVIEW


def test_an_imported_opening_abroad_from_an_unlicensed_organization_is_flagged(
    app, ctx, runner, tmp_path
):
    path = _write(tmp_path, [_row("J-1", "Farm worker", SAFE_TEXT, country="Malaysia")])
    runner.invoke(args=["openings", "import", str(path)])
    opening = _opening("Farm worker")
    assert opening.work_abroad and opening.work_country == "Malaysia"
    assert "abroad_unlicensed" in {r["name"] for r in opening.screening_reasons}


def test_the_api_has_no_way_to_create_change_or_publish_an_opening(app):
    writes = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.methods & {"POST", "PUT", "PATCH", "DELETE"}
    }
    # Only applications are written through the API (a referral, a step of an application).
    assert writes == {"api.new_referral", "api.application_status"}


def test_no_program_can_publish_a_high_opening(ctx, make_opening):
    opening = make_opening(
        title=SCAM_TITLE, description=SCAM_TEXT, status=OpeningStatus.PENDING_REVIEW
    )
    with pytest.raises(services.ScreeningHold):
        services.publish(opening, by=None, confirmed_warnings=True)
    assert opening.status == OpeningStatus.PENDING_REVIEW


def test_the_demo_seed_publishes_nothing_the_screening_holds(ctx, runner):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    published = db.session.scalars(
        select(Opening).where(Opening.status == OpeningStatus.PUBLISHED)
    ).all()
    assert published
    for opening in published:
        assert opening.screened_at is not None
        assert opening.screening_level != ScreeningLevel.HIGH
        if opening.screening_level == ScreeningLevel.REVIEW:
            assert opening.screening_confirmed_by_id is not None


def test_the_queue_shows_high_first_with_reasons_in_khmer_and_the_words_marked(
    login_as, make_opening
):
    client, _ = login_as(Role.COUNSELOR)
    make_opening(title="Plain request", description=SAFE_TEXT, status=OpeningStatus.PENDING_REVIEW)
    scam = make_opening(title=SCAM_TITLE, description=SCAM_TEXT, status=OpeningStatus.DRAFT)
    services.submit_for_review(scam, by=None)
    db.session.commit()
    html = client.get("/review").get_data(as_text=True)
    assert html.index("Pay a deposit") < html.index("Plain request")
    assert '<mark class="flag-fees">Pay a deposit</mark>' in html
    assert "Serious warning signs" in html
    reason = scam.screening_reasons[0]
    assert reason["explanation_en"] in html
    client.post("/lang/km", data={"next": "/"})
    khmer = client.get("/review").get_data(as_text=True)
    assert reason["explanation_km"] in khmer and reason["explanation_en"] not in khmer
