"""The search page's opening cards, each rendered once and kept while nothing it shows changes
(issue 18): at national scale a page lists twenty cards, and drawing them cost as much as the
search behind it. A card is kept under everything it shows (the opening's fields, its
organization's name, its course, the reader's language and day, her marks and whether she may
open it), so an edit, another reader or another day simply finds no card and draws one."""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date

from flask import render_template, request
from markupsafe import Markup

from portal.extensions import utcnow
from portal.i18n import current_language, local_time
from portal.jobs.models import Opening

CARDS_KEPT = 4000  # ~1 KB each, per worker
_kept: OrderedDict[tuple, Markup] = OrderedDict()
_lock = threading.Lock()


def opening_card(opening: Opening, marks, today: date, can_open) -> Markup:
    """What `{% include "jobs/_card.html" %}` gives on the search page, drawn once per key."""
    key = _key(opening, marks, today, can_open)
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    card = Markup(
        render_template(
            "jobs/_card.html", opening=opening, marks=marks, today=today, can_open=can_open
        )
    )
    with _lock:
        _kept[key] = card
        while len(_kept) > CARDS_KEPT:
            _kept.popitem(last=False)
    return card


def _key(opening: Opening, marks, today: date, can_open) -> tuple:
    course = opening.course
    return (
        current_language(),
        local_time(utcnow()).date(),  # "posted 3 days ago" is counted in Cambodian days
        today,
        request.script_root,
        bool(can_open(opening)),
        marks.has_applied(opening),
        marks.has_saved(opening),
        opening.id,
        opening.kind,
        opening.status,
        opening.title,
        opening.province_code,
        opening.published_at,
        opening.closing_date,
        opening.salary_min,
        opening.salary_max,
        opening.currency,
        tuple(opening.skills or ()),
        opening.organization.name,
        (course.fee, course.fee_currency, course.start_date) if course else None,
    )
