"""The demo seeds national hotlines and legal aid, with numbers plainly marked as placeholders."""

from sqlalchemy import select

from portal.demo import data
from portal.extensions import db
from portal.safety.models import SafetyContact, SafetyContactKind


def test_the_demo_file_marks_every_number_as_a_placeholder():
    rows = data.safety_contacts()
    assert {row["kind"] for row in rows} == {str(kind) for kind in SafetyContactKind}
    for row in rows:
        assert "demo" in row["phone"] and len(row["phone"]) <= 40
        assert row["name_en"] and row["name_km"] and "Demo entry" in row["note_en"]


def test_seed_adds_national_contacts_shown_to_visitors(runner, ctx):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output

    contacts = db.session.scalars(select(SafetyContact)).all()

    national = [c.name_en for c in contacts if c.center_id is None]
    assert len(national) == 3
    assert any("trafficking" in name for name in national)
    assert any(c.center_id is not None for c in contacts)
