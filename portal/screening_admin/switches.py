"""The admins' on/off switch of each screening rule. The portal screens with the rules that are
off left out (portal/screening/openings.screen_opening); the engine itself knows no database."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.screening_admin.catalog import rule_names
from portal.screening_admin.models import ScreeningRuleSetting


class UnknownRule(ValueError):
    """No screening rule has that name."""


def switched_off() -> frozenset[str]:
    """The names of the rules an admin switched off."""
    query = select(ScreeningRuleSetting.name).where(ScreeningRuleSetting.enabled.is_(False))
    with db.session.no_autoflush:  # called while an opening is being built
        return frozenset(db.session.scalars(query))


def switch(name: str, *, on: bool, by: User) -> bool:
    """Switch the rule `name` on or off, on the audit trail; returns False when it already was.
    Flushes; the caller commits (and screens the live openings again)."""
    if name not in rule_names():
        raise UnknownRule(name)
    setting = db.session.get(ScreeningRuleSetting, name)
    if (setting.enabled if setting else True) == on:
        return False
    if setting is None:
        setting = ScreeningRuleSetting(name=name)
        db.session.add(setting)
    setting.enabled = on
    setting.changed_by_id = by.id
    setting.changed_at = utcnow()
    record(AuditAction.SCREENING_RULE_SWITCHED, actor=by, detail={"rule": name, "on": on})
    db.session.flush()
    return True
