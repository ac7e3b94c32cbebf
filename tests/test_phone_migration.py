"""The migration that writes every stored phone number in portal.phones' one form: numbers stored
by the older normalisers (or by hand) become "012345678"; what is not a number, and a number that
would become another account's login, stay as they are and are named in the log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from portal.auth.models import Role
from portal.auth.services import create_user
from portal.centers.models import Center
from portal.extensions import db
from portal.orgs.models import Organization
from portal.safety.models import BadContact, ContactKind, SafetyContact, SafetyContactKind
from portal.youth.models import Gender, YouthProfile
from tests.test_setup import app_on_a_new_database

REVISION = "f2b7c4d9e013"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def _before() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_revision(REVISION).down_revision


def _stored(table: str, column: str, row_id: int) -> str:
    return db.session.execute(
        text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}
    ).scalar_one()


def _write(table: str, column: str, row_id: int, value: str) -> None:
    """As an older version stored it, past today's normalising code."""
    db.session.execute(
        text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), {"value": value, "id": row_id}
    )


def test_stored_numbers_are_rewritten_in_one_form_and_collisions_are_reported(tmp_path, capsys):
    app = app_on_a_new_database(tmp_path)
    with app.app_context():
        upgrade()
        center = Center(name="Pursat center", province_code="15")
        org = Organization(name="Golden Needle", province_code="12")
        kept = create_user(role=Role.YOUTH, password="river-boat-9", phone="012345678")
        twin = create_user(role=Role.YOUTH, password="river-boat-9", phone="012999888")
        other = create_user(role=Role.EMPLOYER, password="river-boat-9", email="a@example.org")
        youth = YouthProfile(
            full_name="Srey Leak",
            gender=Gender.FEMALE,
            date_of_birth=date(2004, 1, 2),
            province_code="15",
        )
        hotline = SafetyContact(
            kind=SafetyContactKind.HOTLINE, name_en="Line", name_km="ខ្សែ", phone="x"
        )
        bad = BadContact(kind=ContactKind.PHONE, value="x")
        db.session.add_all([center, org, youth, hotline, bad])
        db.session.flush()
        for table, column, row_id, old in (
            ("center", "phone", center.id, "+855 (0)53 952 123"),
            ("organization", "contact_phone", org.id, "855 12 456 781"),
            ("user_account", "phone", twin.id, "+855 (0)12 345 678"),  # kept's number
            ("user_account", "phone", other.id, "0976543210"),  # valid, old ten-digit form
            ("youth_profile", "phone", youth.id, "០៩៧ ១២៣ ៤៥៦៧"),
            ("safety_contact", "phone", hotline.id, "012 000 001 (demo)"),
            ("bad_contact", "value", bad.id, "85512345678"),
        ):
            _write(table, column, row_id, old)
        db.session.commit()
        downgrade(revision=_before())

        capsys.readouterr()
        upgrade()  # alembic's logging setup writes its log to stderr
        log = capsys.readouterr().err

        assert _stored("center", "phone", center.id) == "053952123"
        assert _stored("organization", "contact_phone", org.id) == "012456781"
        assert _stored("user_account", "phone", kept.id) == "012345678"
        assert _stored("user_account", "phone", twin.id) == "+855 (0)12 345 678"  # not lost
        assert _stored("user_account", "phone", other.id) == "0976543210"
        assert _stored("youth_profile", "phone", youth.id) == "0971234567"
        assert _stored("safety_contact", "phone", hotline.id) == "012 000 001 (demo)"
        assert _stored("bad_contact", "value", bad.id) == "012345678"
        assert f"user_account {twin.id}" in log and "another row already has" in log
        assert "safety_contact: 1 phone not a valid phone number" in log
        db.session.remove()
        db.engine.dispose()
