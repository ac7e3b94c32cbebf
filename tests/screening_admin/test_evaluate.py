"""`flask screening evaluate` tells an admin which rules cry wolf: each rule's hits,
confirmations, dismissals and precision from the counselors' decisions."""

from __future__ import annotations

from datetime import datetime

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import ScreeningLevel
from portal.screening_admin.models import ScreeningDecision, Verdict
from tests.screening_admin.conftest import FEE


def evaluate(runner, *options) -> str:
    result = runner.invoke(args=["screening", "evaluate", *options])
    assert result.exit_code == 0, result.output
    return result.output


def row(output: str, rule: str) -> list[str]:
    [line] = [line for line in output.splitlines() if line.split()[:1] == [rule]]
    return line.split()


def test_with_no_decisions_it_says_so(runner):
    assert "No counselor has decided on an opening with warning signs" in evaluate(runner)


def test_a_rule_dismissed_by_a_counselor_sees_its_precision_drop(runner, login_as, waiting_opening):
    client, _ = login_as(Role.COUNSELOR)
    first, second = waiting_opening(), waiting_opening()

    client.post(f"/openings/{first.id}/decline", data={"reason": "A scam: they met the girls."})
    before = row(evaluate(runner), "discrimination")
    client.post(f"/openings/{second.id}/approve", data={"confirm_warnings": "y"})
    after = evaluate(runner)

    assert before == ["discrimination", "1", "1", "0", "1.00"]
    assert row(after, "discrimination") == ["discrimination", "2", "1", "1", "0.50"]
    assert "2 decision(s) on openings with warning signs: 1 confirmed, 1 dismissed." in after


def test_the_rules_that_cry_wolf_come_first(runner, login_as, waiting_opening):
    client, _ = login_as(Role.COUNSELOR)
    held, picky = waiting_opening(FEE, ScreeningLevel.HIGH), waiting_opening()
    client.post(f"/openings/{held.id}/decline", data={"reason": "Charges the applicants."})
    client.post(f"/openings/{picky.id}/approve", data={"confirm_warnings": "y"})

    rules = [line.split()[0] for line in evaluate(runner).splitlines()[2:]]

    assert rules.index("discrimination") < rules.index("fees")


def test_since_leaves_out_older_decisions(runner, ctx):
    old = ScreeningDecision(
        decided_at=datetime(2026, 1, 5),
        decision=Verdict.DISMISSED,
        to_status="published",
        level="review",
        score=3,
        rules=[{"name": "urgency", "weight": 3}],
    )
    db.session.add(old)
    db.session.commit()

    assert row(evaluate(runner), "urgency") == ["urgency", "1", "0", "1", "0.00"]
    later = evaluate(runner, "--since", "2026-02-01")
    assert "No counselor has decided on an opening with warning signs since 2026-02-01." in later
