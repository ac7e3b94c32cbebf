"""What a reader asks the lists of openings for, read from the query string (one parser for the
search page and the JSON API), the search behind them, and the queries of the other lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, case, func, select
from werkzeug.datastructures import MultiDict

from portal import search
from portal.extensions import db
from portal.jobs.models import (
    Opening,
    OpeningKind,
    OpeningStatus,
    OpeningStatusChange,
    ScreeningLevel,
)
from portal.jobs.queries import (
    in_order,
    models_with_card_data,
    published_openings,
    published_or_closed_openings,
)
from portal.orgs.models import Organization
from portal.places import (
    Province,
    UnknownPlace,
    get_province,
    resolve_province,
    unknown_province_message,
)
from portal.search import SearchFilters, SearchResult, Sort

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
MAX_SALARY_USD = 100_000
_NUMBER = re.compile(r"\d{1,9}")  # any script's digits (Khmer ០-៩ too); never overflows
_UNTICKED = {"", "0", "n", "no", "false", "off"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class ParamError:
    """One bad query parameter: `code` for programs, `message` for people."""

    field: str
    code: str
    message: str


class _Invalid(ValueError):
    def __init__(self, code: str, message: str, suggestions: list[Province] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.suggestions = suggestions or []


@dataclass
class SearchParams:
    """A reader's search, checked. Bad values are left out and explained in `errors`."""

    q: str = ""
    kind: OpeningKind | None = None
    province: Province | None = None
    organization: Organization | None = None
    min_salary: int | None = None
    since: datetime | None = None  # published at or after (UTC, naive)
    sort: Sort | None = None  # None: the default (relevance for words, else newest)
    include_closed: bool = False
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    errors: dict[str, ParamError] = field(default_factory=dict)
    unknown_province: str | None = None  # what was typed, when it matched no province
    suggestions: list[Province] = field(default_factory=list)

    @property
    def sort_used(self) -> Sort:
        """Without words there is nothing to rank: the newest first."""
        return (self.sort or Sort.RELEVANCE) if self.q else Sort.NEWEST

    def filters(self) -> SearchFilters:
        return SearchFilters(
            kind=self.kind.value if self.kind else None,
            province=self.province.code if self.province else None,
            organization_id=self.organization.id if self.organization else None,
            min_salary_usd=self.min_salary,
            published_since=self.since,
            include_closed=self.include_closed,
            sort=self.sort_used,
            page=self.page,
            per_page=self.per_page,
        )

    def link_args(self, **changes) -> dict[str, str | int]:
        """Query-string arguments for a link that keeps this search, with `changes`
        (None removes one). The page goes back to 1 unless it is one of the changes."""
        args = {
            "q": self.q,
            "kind": self.kind.value if self.kind else None,
            "province": self.province.code if self.province else None,
            "organization": self.organization.id if self.organization else None,
            "min_salary": self.min_salary,
            "since": self.since.isoformat() + "Z" if self.since else None,
            "sort": self.sort.value if self.sort else None,
            "include_closed": "y" if self.include_closed else None,
        }
        args.update(changes)
        return {name: value for name, value in args.items() if value not in (None, "")}


def filter_links(params: SearchParams, name: str, values) -> dict[str, str]:
    """{value: the search page's link adding the filter `name`=value to this search}. The
    search's own link is built once and each value appended: at national scale the facets
    list every province, and building each link whole cost more than the search itself."""
    base = url_for("jobs.index", **params.link_args(**{name: None}))
    joiner = "&" if "?" in base else "?"
    return {value: f"{base}{joiner}{urlencode({name: value})}" for value in values}


def _words(raw: str) -> str:
    text = " ".join(_CONTROL.sub(" ", raw).split())
    if len(text) > MAX_QUERY_LENGTH:
        raise _Invalid(
            "too_long",
            _(
                "Your search is too long: %(count)d letters. Use at most %(max)d.",
                count=len(text),
                max=MAX_QUERY_LENGTH,
            ),
        )
    return text


def _whole_number(raw: str, low: int, high: int, message: str) -> int:
    if not _NUMBER.fullmatch(raw) or not low <= int(raw) <= high:
        raise _Invalid("invalid_number", message)
    return int(raw)


def _choice(raw: str, enum: type, message) -> object:
    """The member of `enum` named `raw`; `message(value, choices)` explains a wrong one."""
    try:
        return enum(raw.lower())
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise _Invalid("invalid_choice", message(raw[:50], choices)) from None


def _kind(raw: str) -> OpeningKind:
    return _choice(
        raw,
        OpeningKind,
        lambda value, choices: _(
            "“%(value)s” is not a kind of opening. Use: %(choices)s.", value=value, choices=choices
        ),
    )


def _sort(raw: str) -> Sort:
    return _choice(
        raw,
        Sort,
        lambda value, choices: _(
            "“%(value)s” is not a way to sort. Use: %(choices)s.", value=value, choices=choices
        ),
    )


def _province(raw: str) -> Province:
    try:
        return resolve_province(raw)
    except UnknownPlace as error:
        places = [p for p in (get_province(code) for code in error.codes) if p]
        raise _Invalid("unknown_province", unknown_province_message(raw, error), places) from None


def _organization(raw: str) -> Organization:
    number = _whole_number(
        raw, 1, 2**31 - 1, _("The organization must be given by its number, for example 12.")
    )
    organization = db.session.get(Organization, number)
    if organization is None:
        raise _Invalid(
            "unknown_organization", _("There is no organization number %(id)d.", id=number)
        )
    return organization


def _min_salary(raw: str) -> int:
    message = _("Write the lowest pay per month in dollars, from 0 to %(max)d.", max=MAX_SALARY_USD)
    return _whole_number(raw.replace(",", "").strip("$ "), 0, MAX_SALARY_USD, message)


def _since(raw: str) -> datetime:
    """An ISO 8601 moment ("2026-12-01T08:00:00+07:00", "2026-12-01T01:00:00Z", "2026-12-01");
    without a zone it is UTC. Kept as naive UTC, as the database keeps its moments."""
    try:
        moment = datetime.fromisoformat(raw.upper())
    except ValueError:
        raise _Invalid(
            "invalid_datetime",
            _(
                "Write the moment as an ISO 8601 date and time, for example "
                "2026-12-01T08:00:00+07:00."
            ),
        ) from None
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:  # a few hours past the first or the last day a datetime holds
        return datetime.min if moment.year == 1 else datetime.max


def _page(raw: str) -> int:
    message = _("The page must be a whole number from 1 to %(max)d.", max=MAX_PAGE)
    return _whole_number(raw, 1, MAX_PAGE, message)


def _per_page(raw: str) -> int:
    message = _("Ask for 1 to %(max)d openings per page.", max=MAX_PER_PAGE)
    return _whole_number(raw, 1, MAX_PER_PAGE, message)


# query parameter -> (attribute of SearchParams, reader of a non-empty value)
_READERS = {
    "q": ("q", _words),
    "kind": ("kind", _kind),
    "province": ("province", _province),
    "organization": ("organization", _organization),
    "min_salary": ("min_salary", _min_salary),
    "since": ("since", _since),
    "sort": ("sort", _sort),
    "page": ("page", _page),
    "per_page": ("per_page", _per_page),
}


def parse_search_args(
    args: MultiDict, *, per_page: int | None = None, allow_closed: bool = False
) -> SearchParams:
    """Read ?q=&kind=&province=&organization=&min_salary=&since=&sort=&page= (and ?per_page= unless
    `per_page` fixes it; ?include_closed= if `allow_closed`). Never raises on bad input."""
    params = SearchParams(per_page=per_page or DEFAULT_PER_PAGE)
    for name, (attribute, read) in _READERS.items():
        raw = args.get(name, "").strip()
        if not raw or (name == "per_page" and per_page):
            continue
        try:
            setattr(params, attribute, read(raw))
        except _Invalid as error:
            params.errors[name] = ParamError(name, error.code, error.message)
            if name == "province":
                params.unknown_province = raw
                params.suggestions = error.suggestions
    ticked = args.get("include_closed", "").strip().lower() not in _UNTICKED
    params.include_closed = allow_closed and ticked
    return params


@dataclass
class Found:
    """What a search found: the engine's answer and its openings, in the engine's order."""

    result: SearchResult
    openings: list[Opening]


def search_openings(
    params: SearchParams, load: Callable[[Select], Iterable] = models_with_card_data
) -> Found:
    """Ask the search engine, then load the openings it names in one query (`load`: a select
    of them to what the caller lists, by default models with their card data).

    The database has the last word: an opening the index still lists but that is gone, or no
    longer public, is left out."""
    result = search.query(params.q, params.filters())
    visible = published_or_closed_openings() if params.include_closed else published_openings()
    return Found(result, in_order(result.ids, visible, load))


def in_province(query: Select, province: Province | None) -> Select:
    """Narrow a select of openings to one province (None: every province)."""
    if province is None:
        return query
    return query.where(Opening.province_code == province.code)


def pending_review_openings(
    provinces: frozenset[str] | None = None, first: frozenset[str] = frozenset()
) -> Select:
    """The review queue: openings waiting for a counselor (in `provinces`, None: everywhere),
    those in `first` (the counselor's center's provinces) first, then the riskiest (screening
    "high", then "review"), then the longest-waiting."""
    submitted_at = (
        select(func.max(OpeningStatusChange.changed_at))
        .where(
            OpeningStatusChange.opening_id == Opening.id,
            OpeningStatusChange.to_status == OpeningStatus.PENDING_REVIEW,
        )
        .scalar_subquery()
    )
    query = select(Opening).where(Opening.status == OpeningStatus.PENDING_REVIEW)
    if provinces is not None:
        query = query.where(Opening.province_code.in_(sorted(provinces)))
    return query.order_by(
        case((Opening.province_code.in_(sorted(first)), 0), else_=1),
        case(
            (Opening.screening_level == ScreeningLevel.HIGH, 0),
            (Opening.screening_level == ScreeningLevel.REVIEW, 1),
            else_=2,
        ),
        func.coalesce(submitted_at, Opening.created_at),
        Opening.id,
    )


def paginate(query: Select) -> Pagination:
    """One page (?page=) of a list, PER_PAGE long; a page past the end is empty, not a 404."""
    from portal.web import page_number

    return db.paginate(
        query, page=page_number(), per_page=current_app.config["PER_PAGE"], error_out=False
    )
