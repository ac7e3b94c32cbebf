"""Her saved searches and alert settings, and stopping alerts from a link (services flush; the
view commits)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from portal.alerts.models import (
    DEFAULT_PER_DIGEST,
    PER_DIGEST_CHOICES,
    AlertFrequency,
    AlertSetting,
    SavedSearch,
)
from portal.alerts.tokens import read_token
from portal.auth.models import Role, User
from portal.extensions import db
from portal.jobs.listing import SearchParams

MAX_SAVED_SEARCHES = 20


class AlertError(ValueError):
    """A saved search or setting that cannot be kept, with the reason in the reader's words."""


def settings_of(user: User) -> AlertSetting:
    """Her settings (the defaults, not yet saved, when she never chose)."""
    found = db.session.get(AlertSetting, user.id)
    if found is not None:
        return found
    return AlertSetting(
        user_id=user.id, frequency=AlertFrequency.DAILY, per_digest=DEFAULT_PER_DIGEST
    )


def choose(user: User, frequency: AlertFrequency, per_digest: int) -> AlertSetting:
    """Keep how often and how many (per_digest one of PER_DIGEST_CHOICES)."""
    if per_digest not in PER_DIGEST_CHOICES:
        raise AlertError(_("Choose how many openings a message may list."))
    setting = settings_of(user)
    setting.frequency, setting.per_digest = AlertFrequency(frequency), per_digest
    db.session.add(setting)
    db.session.flush()
    return setting


def searches_of(user: User) -> list[SavedSearch]:
    query = select(SavedSearch).where(SavedSearch.user_id == user.id).order_by(SavedSearch.id)
    return list(db.session.scalars(query))


def save_search(user: User, params: SearchParams) -> tuple[SavedSearch, bool]:
    """Keep the search of `params` for her alerts: (the saved search, True if new). The same
    search twice keeps one; a search with neither words nor filters is refused (her profile's
    alerts already bring what fits her)."""
    if user.role != Role.YOUTH:
        raise AlertError(_("Only young people's accounts get job alerts."))
    wanted = SavedSearch(
        user_id=user.id,
        q=params.q,
        kind=params.kind.value if params.kind else None,
        province_code=params.province.code if params.province else None,
        organization_id=params.organization.id if params.organization else None,
        min_salary=params.min_salary,
    )
    if not wanted.args():
        raise AlertError(_("Type some words or choose a filter first, then ask for alerts."))
    for saved in searches_of(user):
        if saved.args() == wanted.args():
            return saved, False
    if len(searches_of(user)) >= MAX_SAVED_SEARCHES:
        raise AlertError(
            _("You have %(count)d saved searches. Delete one first.", count=MAX_SAVED_SEARCHES)
        )
    db.session.add(wanted)
    db.session.flush()
    return wanted, True


def get_search_or_none(search_id: int | None, for_user: User) -> SavedSearch | None:
    """Her own saved search; anyone else's reads as none."""
    search = db.session.get(SavedSearch, search_id) if search_id else None
    return search if search is not None and search.user_id == for_user.id else None


def delete_search(search: SavedSearch) -> None:
    db.session.delete(search)
    db.session.flush()


@dataclass(frozen=True)
class Stopped:
    """What an unsubscribe link stopped: every alert ("all"), one saved search ("search", its
    search page arguments in `args`), or nothing because that search was already gone ("gone")."""

    user: User
    what: str
    args: dict[str, str] | None = None


def named_by(token: str) -> Stopped | None:
    """What an unsubscribe link would stop (nothing changed yet); None when the token is not
    one we signed, or its account is gone."""
    wanted = read_token(token)
    user = db.session.get(User, wanted.user_id) if wanted else None
    if user is None:
        return None
    if wanted.search_id is None:
        return Stopped(user, "all")
    search = get_search_or_none(wanted.search_id, user)
    return Stopped(user, "search", search.args()) if search else Stopped(user, "gone")


def unsubscribe(token: str) -> Stopped | None:
    """Stop what an unsubscribe link names: one saved search (deleted) or all her alerts
    (frequency off). None when the token is not one we signed, or its account is gone.
    Stopping twice is harmless."""
    wanted = read_token(token)
    user = db.session.get(User, wanted.user_id) if wanted else None
    if user is None:
        return None
    if wanted.search_id is None:
        setting = settings_of(user)
        setting.frequency = AlertFrequency.OFF
        db.session.add(setting)
        db.session.flush()
        return Stopped(user, "all")
    search = get_search_or_none(wanted.search_id, user)
    if search is None:
        return Stopped(user, "gone")
    args = search.args()
    delete_search(search)
    return Stopped(user, "search", args)
