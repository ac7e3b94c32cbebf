"""The safe-migration panel on an opening's page: when it shows, and whose hotlines and
legal-aid contacts it lists."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import or_, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.jobs.models import Opening
from portal.safety.models import SafetyContact


class PanelMode(StrEnum):
    OPEN = "open"  # abroad, or another province than the youth's: shown in full
    FOLDED = "folded"  # a visitor we cannot place: "if this is far from home", folded


@dataclass(frozen=True)
class Panel:
    mode: PanelMode
    abroad: bool
    contacts: list[SafetyContact]


def reader_center_id(user: User | None) -> int | None:
    """The center whose contacts a reader sees: a youth's center, a staff member's center;
    nobody else's (visitors and employers see the national contacts)."""
    if user is None or not user.is_authenticated:
        return None
    if user.role == Role.YOUTH:
        profile = user.youth_profile
        return profile.center_id if profile else None
    return user.center_id if user.is_staff else None


def contacts_for(center_id: int | None) -> list[SafetyContact]:
    """The center's contacts and the national ones (no center), by position, then name."""
    where = SafetyContact.center_id.is_(None)
    if center_id is not None:
        where = or_(where, SafetyContact.center_id == center_id)
    return list(
        db.session.scalars(
            select(SafetyContact)
            .where(where)
            .order_by(SafetyContact.position, SafetyContact.name_en, SafetyContact.id)
        )
    )


def panel_mode(opening: Opening, user: User | None) -> PanelMode | None:
    """OPEN for work abroad, or for a youth when the work is in another province than theirs;
    FOLDED for other readers (we do not know where they live); None for a youth's own province."""
    if opening.work_abroad:
        return PanelMode.OPEN
    if user is not None and user.is_authenticated and user.role == Role.YOUTH:
        profile = user.youth_profile
        home = profile.province_code if profile else None
        if home and home == opening.province_code:
            return None
        return PanelMode.OPEN
    return PanelMode.FOLDED


def panel_for(opening: Opening, user: User | None) -> Panel | None:
    """What the opening's page shows `user` before they move for this work (None: nothing)."""
    mode = panel_mode(opening, user)
    if mode is None:
        return None
    return Panel(mode, bool(opening.work_abroad), contacts_for(reader_center_id(user)))
