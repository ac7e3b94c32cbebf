"""The "applied" and "saved" marks a youth sees on every list of openings: one query for the
openings of a page, whatever their number (never one per card)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import literal, select, union_all

from portal.extensions import db
from portal.jobs.models import Opening
from portal.placements.models import Application, SavedOpening
from portal.youth.models import YouthProfile


@dataclass(frozen=True)
class Marks:
    """Which openings of a page she applied to (or was referred to) and which she saved."""

    applied: frozenset[int] = field(default_factory=frozenset)
    saved: frozenset[int] = field(default_factory=frozenset)

    def has_applied(self, opening: Opening) -> bool:
        return opening.id in self.applied

    def has_saved(self, opening: Opening) -> bool:
        return opening.id in self.saved


NO_MARKS = Marks()


def marks_for(youth: YouthProfile | None, openings: Iterable[Opening]) -> Marks:
    """The marks of `openings` for `youth` (none for nobody), in one query."""
    ids = {opening.id for opening in openings}
    if youth is None or not ids:
        return NO_MARKS
    applied = select(Application.opening_id.label("opening_id"), literal("applied").label("mark"))
    applied = applied.where(Application.youth_id == youth.id, Application.opening_id.in_(ids))
    saved = select(SavedOpening.opening_id, literal("saved"))
    saved = saved.where(SavedOpening.youth_id == youth.id, SavedOpening.opening_id.in_(ids))
    found: dict[str, set[int]] = {"applied": set(), "saved": set()}
    for opening_id, mark in db.session.execute(union_all(applied, saved)):
        found[mark].add(opening_id)
    return Marks(frozenset(found["applied"]), frozenset(found["saved"]))
