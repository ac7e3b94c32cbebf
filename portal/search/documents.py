"""An opening as the index sees it."""

from __future__ import annotations

from datetime import date, datetime, time

from portal.jobs.models import Opening

SEARCHED_STATUSES = frozenset({"published", "closed"})
UNVERIFIED = "unverified"
HIDDEN = "hidden"  # reported by visitors: out of every search until a counselor checks it
KHR_PER_USD = 4100  # for the minimum-salary filter only; shown amounts keep their currency


def salary_min_usd(opening: Opening) -> int:
    low = opening.salary_min if opening.salary_min is not None else opening.salary_max
    if low is None:
        return 0
    return low // KHR_PER_USD if opening.currency == "KHR" else low


def _as_datetime(day: date | None) -> datetime | None:
    return datetime.combine(day, time()) if day else None


def _status(opening: Opening) -> str:
    """The status searches filter on. A published or closed opening of an organization no
    counselor has verified is never public: it is indexed under a status no search asks for
    (verifying or rejecting the organization indexes its openings again)."""
    status = str(opening.status)
    if status in SEARCHED_STATUSES and not opening.organization.is_verified:
        return UNVERIFIED
    if status in SEARCHED_STATUSES and opening.hidden_by_reports_at is not None:
        return HIDDEN
    return status


def document_for(opening: Opening) -> dict:
    """The fields of `opening` for the index (see schema.py)."""
    return {
        "id": str(opening.id),
        "ref": opening.ref,
        "kind": str(opening.kind),
        "status": _status(opening),
        "province": opening.province_code,
        "organization_id": opening.organization_id,
        "title": opening.title,
        "skills": " ; ".join(opening.skills or []),
        "organization": opening.organization.name,
        "description": opening.description or "",
        "salary_min_usd": salary_min_usd(opening),
        "closing_date": _as_datetime(opening.closing_date) or datetime(9999, 12, 31),
        "created_at": opening.created_at,
        "published_at": opening.published_at or opening.created_at,
    }
