"""Reusable queries over openings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.jobs.models import Opening, OpeningStatus
from portal.orgs.models import Organization


def of_verified_organization() -> ColumnElement[bool]:
    """The opening's organization was checked by a counselor (pending or rejected ones are not
    public). A subquery, not a join, so callers may pick their own columns; correlated (EXISTS),
    so each opening looks its organization up by key: `organization_id IN (SELECT ...)` made
    SQLite list every verified organization for every query (1.3 ms at 4,000 organizations, for
    a page of eight cards)."""
    verified = select(Organization.id).where(
        Organization.id == Opening.organization_id, Organization.verified_at.is_not(None)
    )
    return verified.correlate(Opening).exists()  # the opening's: callers may join Organization


def published_openings(today: date | None = None) -> Select:
    """Openings the public may see: published, not past their closing date, of a verified
    organization, and not hidden by visitors' reports (portal/safety/reports.py)."""
    today = today or date.today()
    return select(Opening).where(
        Opening.status == OpeningStatus.PUBLISHED,
        or_(Opening.closing_date.is_(None), Opening.closing_date >= today),
        *_not_withheld(),
    )


def published_any_day() -> ColumnElement[bool]:
    """Published and public, whatever the closing date (matching keeps these and judges each
    day which are still open)."""
    return and_(Opening.status == OpeningStatus.PUBLISHED, *_not_withheld())


def published_or_closed_openings() -> Select:
    """What a search that includes closed openings may show: still only verified organizations'."""
    return select(Opening).where(
        Opening.status.in_([OpeningStatus.PUBLISHED, OpeningStatus.CLOSED]), *_not_withheld()
    )


def _not_withheld() -> tuple:
    """What keeps an opening from the public whatever its status (jobs/access.is_public says
    the same in Python): an organization not verified, or three visitors' reports waiting for a
    counselor (portal/safety/reports.py)."""
    return of_verified_organization(), Opening.hidden_by_reports_at.is_(None)


def with_card_data(query: Select) -> Select:
    """Load what an opening card shows (organization, course details) in two queries, not 2N."""
    return query.options(selectinload(Opening.organization), selectinload(Opening.course))


def models_with_card_data(query: Select) -> Iterable[Opening]:
    """The openings of `query` (a select of Opening), with what their cards show."""
    return db.session.scalars(with_card_data(query)).unique()


def in_order(
    ids: list[int], query: Select, load: Callable[[Select], Iterable] = models_with_card_data
) -> list:
    """What `load` gives for the openings of `query` whose id is in `ids`, in the order of
    `ids` (an id no longer among them is left out): the search engine, a pager over ids or a
    notification names them, one query loads them."""
    found = {row.id: row for row in load(query.where(Opening.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


# What an opening card on the search page shows, and what deciding whether its reader may open
# it reads (jobs/_card.html, cards.py, access.can_view).
CARD_COLUMNS = (
    Opening.id,
    Opening.organization_id,
    Opening.kind,
    Opening.status,
    Opening.title,
    Opening.skills,
    Opening.province_code,
    Opening.salary_min,
    Opening.salary_max,
    Opening.currency,
    Opening.closing_date,
    Opening.published_at,
    Opening.hidden_by_reports_at,
)
CARD_ORGANIZATION_COLUMNS = (Organization.name, Organization.verified_at)


def card_rows(query: Select) -> Select:
    """The openings of `query` (a select of Opening) as rows of what a card shows: the card
    columns, the organization's, and the course's (None for a job): one statement of plain
    rows (cards.py), without building models."""
    from portal.courses.models import CourseDetails

    course = (CourseDetails.fee, CourseDetails.fee_currency, CourseDetails.start_date)
    columns = (*CARD_COLUMNS, *CARD_ORGANIZATION_COLUMNS, *course)
    return (
        query.with_only_columns(*columns, maintain_column_froms=False)
        .select_from(Opening)
        .join(Organization, Opening.organization)
        .outerjoin(CourseDetails, Opening.course)
    )


# The columns matching reads of an opening (portal.matching.profiles.from_opening), loaded
# without whole models by the matching indexes and the gap courses.
MATCHING_COLUMNS = (
    Opening.id,
    Opening.kind,
    Opening.title,
    Opening.skills,
    Opening.province_code,
    Opening.min_age,
    Opening.status,
    Opening.closing_date,
    Opening.hazardous,
    Opening.min_education,
    Opening.languages,
)
