"""Who may see which application, and how an employer may reach an applicant: the one place
every view (and the API) asks."""

from __future__ import annotations

from datetime import date

from flask import abort
from sqlalchemy import ColumnElement, false, select

from portal.auth.models import Role, User
from portal.centers.models import Center
from portal.extensions import db
from portal.jobs.models import Opening
from portal.placements.models import Application, ApplicationStatus
from portal.youth.models import ADULT_AGE, YouthProfile

# What each side may do: an employer moves applications to its own openings; a youth only
# withdraws their own; staff of the youth's center (and admins) may do anything allowed.
EMPLOYER_MOVES = frozenset(
    {
        ApplicationStatus.SHORTLISTED,
        ApplicationStatus.INTERVIEW,
        ApplicationStatus.HIRED,
        ApplicationStatus.NOT_SELECTED,
    }
)
YOUTH_MOVES = frozenset({ApplicationStatus.WITHDRAWN})


def is_employer_of(user: User, application: Application) -> bool:
    return (
        user.role == Role.EMPLOYER
        and user.organization_id is not None
        and user.organization_id == application.opening.organization_id
    )


def is_staff_for(user: User, youth: YouthProfile) -> bool:
    """Admins, and counselors of the youth's center."""
    if user.role == Role.ADMIN:
        return True
    return (
        user.role == Role.COUNSELOR
        and youth.center_id is not None
        and youth.center_id == user.center_id
    )


def is_youth_of(user: User, youth: YouthProfile) -> bool:
    return user.role == Role.YOUTH and youth.user_id is not None and youth.user_id == user.id


def may_move(user: User, application: Application, to_status: ApplicationStatus) -> bool:
    """True when `user`'s role lets them move this application to `to_status` (the pipeline
    itself is checked by `allowed_moves`)."""
    if is_staff_for(user, application.youth):
        return True
    if is_employer_of(user, application):
        return to_status in EMPLOYER_MOVES
    return is_youth_of(user, application.youth) and to_status in YOUTH_MOVES


def can_see_application(user: User | None, application: Application) -> bool:
    """The youth, the employer of the opening, the youth's counselors, admins."""
    if user is None or not user.is_authenticated:
        return False
    return (
        is_youth_of(user, application.youth)
        or is_employer_of(user, application)
        or is_staff_for(user, application.youth)
    )


def get_application_or_404(application_id: int, for_user: User | None) -> Application:
    """The application if `for_user` may see it; 404 otherwise (never say which)."""
    application = db.session.get(Application, application_id)
    if application is None or not can_see_application(for_user, application):
        abort(404)
    return application


def applications_visible_to(user: User) -> list[ColumnElement[bool]]:
    """Conditions on Application for the applications `user` may see (no join needed)."""
    if user.role == Role.ADMIN:
        return []
    if user.role == Role.COUNSELOR and user.center_id is not None:
        youth_ids = select(YouthProfile.id).where(YouthProfile.center_id == user.center_id)
        return [Application.youth_id.in_(youth_ids)]
    if user.role == Role.EMPLOYER and user.organization_id is not None:
        opening_ids = select(Opening.id).where(Opening.organization_id == user.organization_id)
        return [Application.opening_id.in_(opening_ids)]
    if user.role == Role.YOUTH:
        youth_ids = select(YouthProfile.id).where(YouthProfile.user_id == user.id)
        return [Application.youth_id.in_(youth_ids)]
    return [false()]


def youth_phone(youth: YouthProfile) -> str | None:
    return youth.phone or (youth.user.phone if youth.user is not None else None)


def contact_for_employer(
    application: Application, day: date | None = None
) -> tuple[str, str | Center | None]:
    """("youth", phone) when the applicant is 18 or older on `day`, agreed to share their
    profile and has a phone; otherwise ("center", their center or None): an employer never
    sees a minor's phone, and reaches them through the counselor."""
    return contact_of_youth_for_employer(application.youth, day)


def contact_of_youth_for_employer(
    youth: YouthProfile, day: date | None = None
) -> tuple[str, str | Center | None]:
    """The same for a young person (her CV sent with an application is made before it)."""
    phone = youth_phone(youth)
    adult = youth.age_on(day or date.today()) >= ADULT_AGE
    if adult and youth.consent_to_share and phone:
        return ("youth", phone)
    return ("center", youth.center)


def is_adult_on(youth: YouthProfile, day: date | None = None) -> bool:
    """What an employer may know of an applicant's age: 18 or older, or not."""
    return youth.age_on(day or date.today()) >= ADULT_AGE
