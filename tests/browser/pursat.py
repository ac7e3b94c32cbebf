"""The story of issue 16's job alerts, shared by its browser tests: a young woman from Pursat who
sews, and an employer's new sewing opening in Pursat that a counselor approves, then
`flask alerts send` in the morning."""

from __future__ import annotations

from datetime import UTC, datetime

from portal.auth.models import Role, User
from portal.extensions import db
from portal.jobs.models import Opening, OpeningStatus
from portal.jobs.services import publish

MORNING = datetime.now(UTC).replace(hour=3, minute=0).strftime("%Y-%m-%dT%H:%M")  # 10:00 ICT


def girl_from_pursat_who_sews(make_user, **fields) -> User:
    youth = make_user(Role.YOUTH, **fields)
    youth.youth_profile.skills = ["ដេរ"]
    youth.youth_profile.province_code = "15"  # Pursat
    db.session.commit()
    return youth


def sewing_opening_approved_and_alerted(make_user, make_opening, runner) -> Opening:
    """An employer's sewing opening in Pursat, approved by a counselor; the morning's alerts."""
    employer = make_user(Role.EMPLOYER)
    opening = make_opening(
        organization=employer.organization,
        title="ជាងដេរ",
        skills=["ដេរ"],
        province_code="15",
        status=OpeningStatus.PENDING_REVIEW,
    )
    publish(opening, by=make_user(Role.COUNSELOR))  # a counselor approves it
    db.session.commit()
    made = runner.invoke(args=["alerts", "send", "--now", MORNING])
    assert "1 digests made, listing 1 openings" in made.output, made.output
    return opening


def pursat_caseload(make_youth, center_id: int, sewers: int, cooks: int = 4) -> None:
    """A Pursat center's young people: `sewers` who sew and `cooks` who cook (the candidates
    for a sewing opening, and some who are not)."""
    for n in range(sewers):
        make_youth(
            center_id=center_id, full_name=f"Sewer {n}", skills=["sewing"], province_code="15"
        )
    for n in range(cooks):
        make_youth(
            center_id=center_id, full_name=f"Cook {n}", skills=["cooking"], province_code="15"
        )
