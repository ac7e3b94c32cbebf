"""The buttons the bot shows, and what their presses carry back (callback_data, <= 64 bytes):
"save:<opening id>", "dismiss:<opening id>", "fu:<follow-up id>:<answer>",
"fp:<follow-up id>:<problem>". Labels are made in the current locale (force_locale around)."""

from __future__ import annotations

from flask_babel import gettext as _

from portal.notifications.texts import WORK_PROBLEM_LABELS
from portal.telegram.api import button, url_button

SAVE, DISMISS, FOLLOW_UP, PROBLEM = "save", "dismiss", "fu", "fp"
STILL_WORKING, NOT_WORKING, HAS_PROBLEM = "working", "left", "problem"


def opening_buttons(opening_id: int, url: str | None) -> list[list[dict]]:
    """Save / Not for me, and Open (its public page) when the portal's address is known."""
    rows = [
        [
            button(_("Save"), f"{SAVE}:{opening_id}"),
            button(_("Not for me"), f"{DISMISS}:{opening_id}"),
        ]
    ]
    if url:
        rows.append([url_button(_("Open"), url)])
    return rows


def follow_up_buttons(follow_up_id: int) -> list[list[dict]]:
    return [
        [
            button(_("Still working"), f"{FOLLOW_UP}:{follow_up_id}:{STILL_WORKING}"),
            button(_("Not working"), f"{FOLLOW_UP}:{follow_up_id}:{NOT_WORKING}"),
        ],
        [button(_("I have a problem"), f"{FOLLOW_UP}:{follow_up_id}:{HAS_PROBLEM}")],
    ]


def problem_buttons(follow_up_id: int) -> list[list[dict]]:
    """One row per problem, so long Khmer labels stay readable on a small phone."""
    return [
        [button(str(label), f"{PROBLEM}:{follow_up_id}:{code}")]
        for code, label in WORK_PROBLEM_LABELS.items()
    ]


def parse(data: str | None) -> tuple[str, list[str]]:
    """("save", ["12"]) from "save:12"; ("", []) from anything else."""
    parts = (data or "").split(":")
    if len(parts) < 2 or not all(parts):
        return "", []
    return parts[0], parts[1:]
