"""Consent to share a profile with employers: the one way to change it (with who and when on the
audit trail, which is the consent history) and the one check that a referral or an
application needs it."""

from __future__ import annotations

from flask_babel import gettext as _

from portal.audit import AuditAction, record
from portal.extensions import db
from portal.privacy.notices import employers_of, forget_name
from portal.youth.models import YouthProfile

_BY_CURRENT = object()


def change_consent(profile: YouthProfile, consent: bool, *, by=_BY_CURRENT) -> bool:
    """Give or withdraw consent; True when it changed. Withdrawing hides the profile from
    employers at once (portal.privacy.employer reads the flag on every page) and takes her
    name out of the employers' notifications."""
    consent = bool(consent)
    if bool(profile.consent_to_share) == consent:
        return False
    profile.set_consent(consent)
    if not consent and profile.id is not None:
        forget_name(profile.full_name, employers_of(profile))
    db.session.flush()
    actor = {} if by is _BY_CURRENT else {"actor": by}
    record(AuditAction.CONSENT_CHANGED, subject=profile, detail={"given": consent}, **actor)
    return True


def referral_consent_problem(profile: YouthProfile) -> str | None:
    """Why a counselor may not refer this young person yet, in words for the counselor."""
    if profile.consent_to_share:
        return None
    return _(
        "%(name)s has not agreed to share the profile with employers. Ask first; if the answer "
        "is yes, tick “The young person agrees that employers may see this profile” on the "
        "profile (Phlov records who ticked it and when), then refer.",
        name=profile.full_name,
    )


def application_consent_problem(profile: YouthProfile) -> str | None:
    """Why a young person may not apply yet, in words for her."""
    if profile.consent_to_share:
        return None
    return _(
        "Employers can read your application only if you agree to share your profile with "
        "them. Tick “Employers may see my profile” on My profile, then apply."
    )
