"""The search page's pieces that are the same for many requests, each rendered once and kept
while nothing it shows changes (issue 18): at national scale a page lists twenty opening cards
and facets naming every province, and drawing them cost as much as the search behind them.

A piece is kept under everything it shows: a card under the opening's fields, its
organization's name, its course, the reader's language and day, her marks and whether she may
open it; the facets under the search's links and counts and the reader's language. An edit,
another reader or another day simply finds no piece and draws one."""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date

from flask import current_app, request
from markupsafe import Markup
from sqlalchemy import Select

from portal.courses.models import CourseDetails
from portal.extensions import db, utcnow
from portal.i18n import current_language, local_time
from portal.jobs.models import Opening
from portal.jobs.queries import CARD_COLUMNS, CARD_ORGANIZATION_COLUMNS, card_rows
from portal.orgs.models import Organization

# Measured 1.3 KB a card with its key: at most ~26 MB per worker. A national service lists
# thousands of distinct cards a day (the load bench: 600 searches show ~9,000); a center lists
# its few hundred openings. A card not kept costs ~0.25 ms to draw.
PIECES_KEPT = 20_000


class _Kept:
    """Rendered pieces by key, the least recently used dropped past `size`."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pieces: OrderedDict[tuple, Markup] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple, template: str, **context) -> Markup:
        with self.lock:
            found = self.pieces.get(key)
            if found is not None:
                self.pieces.move_to_end(key)
                return found
        piece = Markup(_render(template, context))
        with self.lock:
            self.pieces[key] = piece
            while len(self.pieces) > self.size:
                self.pieces.popitem(last=False)
        return piece


_kept = _Kept(PIECES_KEPT)


def _render(name: str, context: dict) -> str:
    """The piece drawn by Jinja with `context` and the app's globals, without the context
    processors render_template runs (ten, for the whole page's layout: a piece uses none,
    and they were a third of a card's drawing)."""
    return current_app.jinja_env.get_template(name).render(context)


class CardOrganization:
    """What a card shows of an opening's organization (read-only)."""

    row = tuple(column.key for column in CARD_ORGANIZATION_COLUMNS)  # as card_rows reads them
    __slots__ = row
    is_verified = Organization.is_verified


class CardCourse:
    """What a card shows of a course's details (read-only)."""

    row = ("fee", "fee_currency", "start_date")  # as card_rows reads them
    __slots__ = row
    is_free = CourseDetails.is_free


class CardOpening:
    """An opening as the search page's card reads it, from one plain row (queries.card_rows):
    twenty openings with their organization and course cost 2.2 ms to load as models, 0.6 ms as
    rows, and the search page lists twenty at national scale. Read-only; the models' own rules
    answer for it (is_open_on, is_verified, is_free), so access.can_view judges it as an
    Opening."""

    row = tuple(column.key for column in CARD_COLUMNS)  # as card_rows reads them
    __slots__ = (*row, "organization", "course")
    is_open_on = Opening.is_open_on


def load_cards(query: Select) -> list[CardOpening]:
    """The openings of `query` (a select of Opening), as cards (the row's columns in the
    order of queries.card_rows: the opening's, the organization's, the course's)."""
    opening, organization = len(CARD_COLUMNS), len(CARD_COLUMNS) + len(CARD_ORGANIZATION_COLUMNS)
    cards = []
    for row in db.session.execute(card_rows(query)):
        card = _filled(CardOpening, row[:opening])
        card.organization = _filled(CardOrganization, row[opening:organization])
        course = row[organization:]  # fee is never NULL in a course_details row
        card.course = _filled(CardCourse, course) if course[0] is not None else None
        cards.append(card)
    return cards


def _filled(kind: type, values):
    """A `kind` (a Card* class) with the slots its `row` names set from `values`."""
    found = kind()
    for name, value in zip(kind.row, values, strict=True):
        setattr(found, name, value)
    return found


def opening_card(opening: Opening, marks, today: date, can_open) -> Markup:
    """What `{% include "jobs/_card.html" %}` gives on the search page, drawn once per key."""
    key = ("card", *_reader(), today, *_card_key(opening, marks, can_open))
    context = {"opening": opening, "marks": marks, "today": today, "can_open": can_open}
    return _kept.get(key, "jobs/_card.html", **context)


def search_facets(params, result) -> Markup:
    """What `{% include "jobs/_facets.html" %}` gives, drawn once per search and counts."""
    key = (
        "facets",
        *_reader(),
        tuple(params.link_args().items()),
        result.province_from_text,
        tuple(result.facets.get("kind", {}).items()),
        tuple(result.facets.get("province", {}).items()),
    )
    return _kept.get(key, "jobs/_facets.html", params=params, result=result)


def _reader() -> tuple:
    return (
        current_language(),
        local_time(utcnow()).date(),  # "posted 3 days ago" is counted in Cambodian days
        request.script_root,
    )


def _card_key(opening: Opening, marks, can_open) -> tuple:
    course = opening.course
    return (
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
