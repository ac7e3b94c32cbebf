"""Filters of the public lists of openings and courses, read from the query string."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, and_, func, or_, select
from werkzeug.datastructures import MultiDict

from portal.extensions import db
from portal.jobs.models import Opening, OpeningKind, OpeningStatus, OpeningStatusChange
from portal.orgs.models import Organization
from portal.places import Province, UnknownPlace, resolve_province


@dataclass
class ListFilters:
    """What the reader asked for; `unknown_province` is set when the place matched nothing."""

    q: str = ""
    kind: OpeningKind | None = None
    province: Province | None = None
    unknown_province: str | None = None
    suggestions: list[Province] = field(default_factory=list)


def read_filters(args: MultiDict) -> ListFilters:
    """Parse ?q=&kind=&province=; bad values are ignored or explained, never a 500."""
    filters = ListFilters(q=" ".join(args.get("q", "").split())[:200])
    kind = args.get("kind", "")
    if kind in {k.value for k in OpeningKind}:
        filters.kind = OpeningKind(kind)
    place = args.get("province", "").strip()
    if place:
        try:
            filters.province = resolve_province(place)
        except UnknownPlace as error:
            filters.unknown_province = place
            filters.suggestions = [resolve_province(name) for name in error.suggestions]
    return filters


def match_text(query: Select, text: str) -> Select:
    """Openings whose title, description or organization name contain every word of `text`.

    A plain, case-insensitive match: the search engine of a later issue replaces this function.
    """
    words = text.split()
    if not words:
        return query
    query = query.join(Opening.organization)
    return query.where(
        and_(
            *(
                or_(
                    Opening.title.icontains(word, autoescape=True),
                    Opening.description.icontains(word, autoescape=True),
                    Organization.name.icontains(word, autoescape=True),
                )
                for word in words
            )
        )
    )


def apply_filters(query: Select, filters: ListFilters) -> Select:
    """Narrow a select of openings by text, kind and province."""
    query = match_text(query, filters.q)
    if filters.kind is not None:
        query = query.where(Opening.kind == filters.kind)
    if filters.province is not None:
        query = query.where(Opening.province_code == filters.province.code)
    return query


def pending_review_openings() -> Select:
    """The review queue: openings waiting for a counselor, the longest-waiting first."""
    submitted_at = (
        select(func.max(OpeningStatusChange.changed_at))
        .where(
            OpeningStatusChange.opening_id == Opening.id,
            OpeningStatusChange.to_status == OpeningStatus.PENDING_REVIEW,
        )
        .scalar_subquery()
    )
    return (
        select(Opening)
        .where(Opening.status == OpeningStatus.PENDING_REVIEW)
        .order_by(func.coalesce(submitted_at, Opening.created_at), Opening.id)
    )


def paginate(query: Select) -> Pagination:
    """One page (?page=) of a list, PER_PAGE long; a page past the end is empty, not a 404."""
    from portal.web import page_number

    return db.paginate(
        query, page=page_number(), per_page=current_app.config["PER_PAGE"], error_out=False
    )
