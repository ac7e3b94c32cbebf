"""Every counselor's decision on an opening with warning signs is kept with the rules that
fired: dismissed when it is published all the same, confirmed when it is declined or sent back."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent
from portal.auth.models import Role
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import OpeningStatus, ScreeningLevel
from portal.screening_admin.models import ScreeningDecision, Verdict
from tests.screening_admin.conftest import FEE, fired


def decisions() -> list[ScreeningDecision]:
    return list(db.session.scalars(select(ScreeningDecision).order_by(ScreeningDecision.id)))


def test_a_counselor_dismisses_a_flagged_opening_and_the_decision_keeps_its_rules(
    login_as, waiting_opening
):
    client, counselor = login_as(Role.COUNSELOR)
    opening = waiting_opening()
    rules = fired(opening)

    response = client.post(f"/openings/{opening.id}/approve", data={"confirm_warnings": "y"})

    assert response.status_code == 302
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PUBLISHED
    [decision] = decisions()
    assert (decision.opening_id, decision.decided_by_id) == (opening.id, counselor.id)
    assert (decision.decision, decision.to_status, decision.level) == (
        Verdict.DISMISSED,
        "published",
        "review",
    )
    assert decision.rule_names == rules and "discrimination" in rules
    weights = {reason["name"]: reason["weight"] for reason in opening.screening_reasons}
    assert decision.rules == [{"name": name, "weight": weights[name]} for name in rules]
    assert decision.score == sum(weights.values()) and decision.decided_at is not None
    [audited] = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == AuditAction.OPENING_DECIDED)
    )
    assert audited.detail["screening"] == "dismissed" and audited.detail["rules"] == rules


def test_declining_or_sending_back_a_flagged_opening_confirms_its_warnings(
    login_as, waiting_opening
):
    client, counselor = login_as(Role.COUNSELOR)
    held = waiting_opening(FEE, ScreeningLevel.HIGH)
    picky = waiting_opening()

    client.post(f"/openings/{held.id}/decline", data={"reason": "Charges the applicants."})
    client.post(f"/openings/{picky.id}/reject", data={"reason": "Do not ask for looks."})

    assert [(d.opening_id, d.decision, d.to_status, d.level) for d in decisions()] == [
        (held.id, Verdict.CONFIRMED, "declined", "high"),
        (picky.id, Verdict.CONFIRMED, "rejected", "review"),
    ]
    assert decisions()[0].rule_names == fired(held) and "fees" in fired(held)


def test_openings_without_warning_signs_and_closing_are_not_decisions(
    login_as, make_opening, waiting_opening
):
    client, _ = login_as(Role.COUNSELOR)
    plain = make_opening(description="Cashier at our shop.", status=OpeningStatus.PENDING_REVIEW)
    picky = waiting_opening()

    client.post(f"/openings/{plain.id}/approve", data={})
    client.post(f"/openings/{picky.id}/approve", data={"confirm_warnings": "y"})
    client.post(f"/openings/{picky.id}/close", data={})

    assert db.session.get(type(plain), plain.id).status == OpeningStatus.PUBLISHED
    assert [(d.opening_id, d.to_status) for d in decisions()] == [(picky.id, "published")]


def test_a_decision_outlives_its_deleted_opening(login_as, waiting_opening):
    client, _ = login_as(Role.COUNSELOR)
    opening = waiting_opening()
    client.post(f"/openings/{opening.id}/approve", data={"confirm_warnings": "y"})

    services.delete_opening(opening)
    db.session.commit()

    [decision] = decisions()
    assert decision.opening_id is None and "discrimination" in decision.rule_names
