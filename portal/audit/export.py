"""The filtered audit trail as CSV for admins. Every cell is neutralised: a spreadsheet would run
a cell that starts with = + - or @ as a formula."""

from __future__ import annotations

import json
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l

from portal.audit.labels import ROLE_LABELS, action_label, describe
from portal.csvexport import csv_text
from portal.i18n import local_time

COLUMNS = (
    _l("When (Cambodia)"),
    _l("Who"),
    _l("Role"),
    _l("What happened"),
    _l("Details"),
    _l("Young person"),
    _l("Young person's number"),
    _l("Kind of record"),
    _l("Record number"),
    _l("Address (IP)"),
    _l("Action code"),
    _l("Facts"),
)


def trail_csv(rows: Iterable[tuple]) -> tuple[str, int]:
    """(CSV text, number of events) of (event, actor, youth) rows, every cell neutralised."""
    lines = [_cells(event, actor, youth) for event, actor, youth in rows]
    return csv_text([[str(column) for column in COLUMNS], *lines]), len(lines)


def _cells(event, actor, youth) -> list:
    return [
        local_time(event.at).isoformat(timespec="seconds"),
        (actor.display_name or actor.login_name) if actor else "",
        str(ROLE_LABELS.get(event.actor_role, event.actor_role or "")),
        action_label(event.action),
        describe(event),
        youth.full_name if youth else "",
        event.youth_id or "",
        event.subject_type or "",
        event.subject_id or "",
        event.ip or "",
        event.action,
        json.dumps(event.detail or {}, ensure_ascii=False, sort_keys=True),
    ]
