"""The screening rules page: counselors read each rule with its explanation in both languages,
its weight, hits and dismissals; admins switch a rule off or on, on the audit trail, and the
portal screens without it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import ScreeningLevel
from portal.screening import Posting, screen
from portal.screening.rules import indicators
from portal.screening_admin import switches
from portal.screening_admin.models import ScreeningRuleSetting
from tests.screening_admin.conftest import PICKY

PAGE = "/admin/screening/rules"
SWITCH = "/admin/screening/rules/switch"
TRY = "/admin/screening/try"


def switch_off(client, rule: str):
    return client.post(SWITCH, data={"name": rule, "on": "0"})


def test_a_counselor_reads_every_rule_in_both_languages_with_its_figures(login_as, waiting_opening):
    client, _ = login_as(Role.COUNSELOR)
    opening = waiting_opening()
    client.post(f"/openings/{opening.id}/approve", data={"confirm_warnings": "y"})

    page = client.get(PAGE).get_data(as_text=True)

    for indicator in indicators().values():
        assert f'id="rule-{indicator.name}"' in page
    discrimination = indicators()["discrimination"]
    assert discrimination.explanation_en in page and discrimination.explanation_km in page
    card = page.split('id="rule-discrimination"')[1].split("</article>")[0]
    assert "Hits: 1" in card and "Dismissed: 1" in card and "Precision: 0.00" in card
    assert "Weight:" in card
    assert "Switch off" not in page  # counselors read; only admins switch


def test_an_admin_switches_a_rule_off_and_the_try_page_no_longer_shows_it(login_as):
    client, admin = login_as(Role.ADMIN, display_name="Dara the admin")
    tried = {"title": "Operators", "description": PICKY}
    assert "discrimination" in client.post(TRY, data=tried).get_data(as_text=True)

    response = switch_off(client, "discrimination")

    assert response.status_code == 302
    page = client.get(PAGE).get_data(as_text=True)
    card = page.split('id="rule-discrimination"')[1].split("</article>")[0]
    assert "Off" in card and "Switched off by Dara the admin" in card and "Switch on" in card
    after = client.post(TRY, data=tried).get_data(as_text=True)
    assert "discrimination" not in after and "No rule fired on this text." in after
    trail = client.get("/admin/audit").get_data(as_text=True)
    assert "Screening rule switched on or off" in trail and "Dara the admin" in trail
    assert "rule “discrimination” switched off" in trail


def test_a_switched_off_rule_is_left_out_when_openings_are_screened_again(
    login_as, waiting_opening, runner
):
    opening = waiting_opening()
    admin = login_as(Role.ADMIN)[1]
    switches.switch("discrimination", on=False, by=admin)
    db.session.commit()

    result = runner.invoke(args=["openings", "screen"])

    assert result.exit_code == 0, result.output
    db.session.refresh(opening)
    assert opening.screening_level == ScreeningLevel.NONE and opening.screening_reasons == []


def test_switching_a_rule_back_on_screens_the_live_openings_with_it(login_as, waiting_opening):
    client, _ = login_as(Role.ADMIN)
    switch_off(client, "discrimination")
    opening = waiting_opening(level=ScreeningLevel.NONE)

    client.post(SWITCH, data={"name": "discrimination", "on": "1"})

    db.session.refresh(opening)
    assert opening.screening_level == ScreeningLevel.REVIEW
    assert db.session.get(ScreeningRuleSetting, "discrimination").enabled


def test_a_counselor_cannot_switch_a_rule(login_as):
    client, _ = login_as(Role.COUNSELOR)

    assert switch_off(client, "discrimination").status_code == 403
    assert db.session.scalars(select(ScreeningRuleSetting)).all() == []


@pytest.mark.parametrize("role", [Role.YOUTH, Role.EMPLOYER])
def test_youth_and_employers_cannot_see_the_rules(login_as, role):
    client, _ = login_as(role)

    assert client.get(PAGE).status_code == 403
    assert client.post(TRY, data={"title": "Cook"}).status_code == 403
    assert switch_off(client, "fees").status_code == 403


def test_an_unknown_rule_cannot_be_switched(login_as):
    client, _ = login_as(Role.ADMIN)

    assert switch_off(client, "no_such_rule").status_code == 404


def test_the_engine_leaves_out_the_rules_it_is_told_are_off():
    posting = Posting(title="Operators", description=PICKY)

    assert "discrimination" in screen(posting).indicators
    off = screen(posting, disabled={"discrimination"})
    assert "discrimination" not in off.indicators
    assert off.score == screen(posting).score - screen(posting).reasons[0].weight
