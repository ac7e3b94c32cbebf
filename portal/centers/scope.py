"""A counselor's scope: the provinces their center serves. The staff lists (review queue,
organizations to check, visitors' reports, candidates) start there, with all of Cambodia one
click away for reading; acting outside it is refused unless an admin gave the counselor
national scope. Admins act everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import Forbidden

from portal.auth.models import Role, User
from portal.i18n import current_language
from portal.places import province_name

ALL_ARG = "all"  # ?all=1: read all of Cambodia instead of the center's provinces


def home_provinces(user: User) -> frozenset[str]:
    """The provinces of the staff member's center (none for other accounts)."""
    center = user.center if user.is_authenticated else None
    return center.served_provinces if center is not None else frozenset()


def acts_nationally(user: User) -> bool:
    """Admins, and counselors an admin gave national scope, act in every province."""
    return user.role == Role.ADMIN or (user.role == Role.COUNSELOR and user.national_scope)


def can_act_in(user: User, province_code: str | None) -> bool:
    """May `user` approve, edit, verify, close, decide or refer in this province? Something
    with no province (an organization that did not say) is everyone's to check."""
    if not user.is_authenticated or not user.is_staff:
        return False
    if acts_nationally(user) or province_code is None:
        return True
    return province_code in home_provinces(user)


class OutOfScope(Forbidden):
    """A 403 whose description tells the counselor why and what to do (templates/errors)."""

    out_of_scope = True


def require_scope(user: User, province_code: str | None) -> None:
    """Refuse (403 with a clear message) an action outside the user's provinces."""
    if not can_act_in(user, province_code):
        raise OutOfScope(description=scope_refusal(user, province_code))


def scope_refusal(user: User, province_code: str | None) -> str:
    """Why `user` may not act in this province, and what to do, in the reader's words."""
    return _(
        "This is in %(province)s, outside your center's provinces (%(provinces)s). You can"
        " read it, but only a counselor there can act on it. Ask an admin for national"
        " scope if you need it.",
        province=_name(province_code),
        provinces=", ".join(sorted(_name(code) for code in home_provinces(user))),
    )


def _name(code: str | None) -> str:
    return province_name(code, current_language()) or (code or "")


@dataclass(frozen=True)
class ListScope:
    """What a staff list shows: the center's provinces (`provinces`) or all of Cambodia
    (`provinces` is None); `home` is the center's provinces either way (listed first)."""

    home: frozenset[str]
    provinces: frozenset[str] | None

    @property
    def is_national(self) -> bool:
        return self.provinces is None

    def names(self) -> list[str]:
        return sorted(_name(code) for code in self.home)


def list_scope(user: User, args: MultiDict) -> ListScope:
    """Counselors start in their center's provinces, admins with all of Cambodia; `?all=1`
    (or `?all=0`) switches for reading."""
    home = home_provinces(user)
    default_all = user.role == Role.ADMIN or not home
    wants_all = args.get(ALL_ARG, type=int)
    national = default_all if wants_all is None else bool(wants_all)
    return ListScope(home=home, provinces=None if national else home)
