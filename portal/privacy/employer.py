"""What an employer may see of an applicant, decided in one place for every employer page.

- No consent to share (never given, or withdrawn): nothing that identifies the young person
  (name, skills, message, CV, contact); the application stays, for the counselor's figures and
  in case she agrees again, and the employer reads "not shared by the young person".
- A minor's own words (message, reasons she gave, skills) are masked when the page renders:
  the original stays for her counselors, and a better rule applies to old messages too.
- A minor's CV waits for a counselor of her center to release it (`release_cv`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from flask_babel import gettext as _

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.centers.models import Center
from portal.extensions import db, utcnow
from portal.placements.access import contact_for_employer, is_adult_on, is_staff_for
from portal.placements.models import Application
from portal.privacy.masking import mask


class CvState(StrEnum):
    NONE = "none"  # no CV sent
    READY = "ready"  # the employer may download it
    WAITING = "waiting"  # a minor's CV, not yet released by the center
    HIDDEN = "hidden"  # the young person does not share her profile


@dataclass(frozen=True)
class ApplicantView:
    """An application as its employer may see it."""

    application: Application
    shared: bool
    adult: bool
    name: str
    skills: list[str]
    message: str
    cv: CvState
    contact: tuple[str, str | Center | None]

    def text(self, words: str | None) -> str:
        """The applicant's own words as the employer may read them (reasons she gave...)."""
        if not self.shared:
            return ""
        return words or "" if self.adult else mask(words, marker=hidden_marker())


def hidden_marker() -> str:
    return _("[hidden by Phlov]")


def is_shared(application: Application) -> bool:
    """The young person agrees that employers see her profile (withdrawing hides it at once)."""
    return bool(application.youth.consent_to_share) and application.youth.anonymised_at is None


def cv_state(application: Application, day: date | None = None) -> CvState:
    document = application.cv
    if document is None:
        return CvState.NONE
    if not is_shared(application):
        return CvState.HIDDEN
    if not is_adult_on(application.youth, day) and document.released_at is None:
        return CvState.WAITING
    return CvState.READY


def applicant_for_employer(application: Application, day: date | None = None) -> ApplicantView:
    youth = application.youth
    adult = is_adult_on(youth, day)
    shared = is_shared(application)
    marker = hidden_marker()
    words = (lambda text: text) if adult else (lambda text: mask(text, marker=marker))
    return ApplicantView(
        application=application,
        shared=shared,
        adult=adult,
        name=youth.full_name if shared else _("Applicant %(number)s", number=application.id),
        skills=[words(skill) for skill in youth.skills or []] if shared else [],
        message=words(application.message) if shared else "",
        cv=cv_state(application, day),
        contact=contact_for_employer(application, day) if shared else ("center", youth.center),
    )


def may_release_cv(application: Application, user: User, day: date | None = None) -> bool:
    return cv_state(application, day) == CvState.WAITING and is_staff_for(user, application.youth)


def release_cv(application: Application, *, by: User) -> None:
    """A counselor of her center checked a minor's CV: the employer may now download it."""
    document = application.cv
    if document is None or not is_staff_for(by, application.youth):
        raise PermissionError("only staff of the young person's center release her CV")
    if document.released_at is None:
        document.released_at = utcnow()
        document.released_by_id = by.id
        record(AuditAction.CV_RELEASED, actor=by, subject=application, youth=application.youth)
    db.session.flush()
