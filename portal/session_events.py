"""Hooks on the database session that several engines keep (the search index's commit hook,
matching's change log): registered on the session class every app of this process shares,
so each hook is added once however many apps are created (tests create several)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import event

from portal.extensions import db


def listen_once(hooks: Mapping[str, Callable]) -> None:
    """Listen to each session event of `hooks` ({"after_flush": function, ...}) unless that
    function already listens to it."""
    for name, hook in hooks.items():
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)
