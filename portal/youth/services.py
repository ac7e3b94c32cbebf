"""Changes to youth profiles: signing up, registering a young person at a center, editing.
Services flush; the view (or CLI command) commits once."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from portal import phones
from portal.auth.models import Role, User
from portal.auth.services import AccountError, AccountTaken, create_user, taken_message
from portal.centers.models import Center
from portal.extensions import db, utcnow
from portal.jobs.models import OpeningKind
from portal.privacy.consent import change_consent
from portal.skills import parse_skills
from portal.youth.functioning import stored_answer
from portal.youth.models import NOT_SAID, WG_DOMAINS, EducationLevel, Gender, YouthProfile, age_on
from portal.youth.queries import registered_at_a_center

MIN_AGE = 15
MAX_AGE = 30

# Languages a young person can tick, by ISO 639-1 code (the labels live in forms.py).
LANGUAGE_CODES = ("km", "en", "th", "zh", "ko", "ja", "vi", "fr")
MAX_SKILLS = 30
MAX_SKILL_LENGTH = 60

# Model attributes a profile form may change (names match YouthProfile's columns).
PROFILE_FIELDS = (
    "full_name",
    "gender",
    "date_of_birth",
    "phone",
    "province_code",
    "district_code",
    "education_level",
    "skills",
    "languages",
    "wanted_kinds",
    "work_provinces",
    *WG_DOMAINS,
)


UNCHANGED = object()


def ask_for_your_code() -> str:
    """What signing up with the phone of a profile a center registered says (nothing more)."""
    return _(
        "A youth center has already registered this number. Ask your center for your code, "
        "then claim your profile with it."
    )


class ProfileError(ValueError):
    """A profile cannot be saved as asked; `field` names the form field the message belongs to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def tidy_name(name: str) -> str:
    """'  Sok   Dara ' -> 'Sok Dara'."""
    return " ".join(name.split())


def age_problem(born: date | None, today: date | None = None) -> str | None:
    """Why this date of birth is refused (future, under 15, over 30), or None when it is fine."""
    if born is None:
        return None
    today = today or date.today()
    if born > today:
        return _("A date of birth cannot be in the future.")
    age = age_on(born, today)
    if age < MIN_AGE:
        return _(
            "Phlov is for young people from 15 years old. This date of birth gives %(age)s years.",
            age=age,
        )
    if age > MAX_AGE:
        return _(
            "Phlov is for young people up to 30 years old. This date of birth gives %(age)s years.",
            age=age,
        )
    return None


def home_center_for(province_code: str) -> Center | None:
    """The center that looks after a young person who signs up alone: one in their province,
    the centers' own offices before partners'."""
    return db.session.scalar(
        select(Center)
        .where(Center.province_code == province_code)
        .order_by(Center.is_partner, Center.id)
        .limit(1)
    )


def sign_up_youth(
    *, email: str | None, password: str, consent: bool, locale: str | None = None, **fields: Any
) -> User:
    """A young person's own account and profile, attached to a center of their province."""
    email = email.strip().lower() if email else None
    if registered_at_a_center(phones.normalize(fields.get("phone"))):
        # Never a second profile, never a silent merge; and no more said than this to anyone.
        raise ProfileError("phone", ask_for_your_code())
    try:
        user = create_user(
            role=Role.YOUTH,
            email=email,
            phone=fields.get("phone"),
            password=password,
            display_name=tidy_name(fields["full_name"]),
            locale=locale,
        )
    except AccountTaken as error:  # said without confirming whose it is
        raise ProfileError(error.field or "phone", taken_message(error.field)) from error
    except AccountError as error:
        raise ProfileError(error.field or "phone", str(error)) from error
    start_own_profile(user, consent=consent, **fields)
    return user


def start_own_profile(user: User, *, consent: bool, **fields: Any) -> YouthProfile:
    """The profile of a young person's account, looked after by a center of their province."""
    center = home_center_for(fields["province_code"])
    profile = YouthProfile(user_id=user.id, center_id=center.id if center else None)
    _apply(profile, fields)
    db.session.add(profile)
    db.session.flush()
    change_consent(profile, consent, by=user)
    return profile


def register_youth(
    *, by: User, consent: bool, ref: str | None = None, **fields: Any
) -> YouthProfile:
    """A counselor registers a young person at their own center (no login account needed)."""
    profile = YouthProfile(center_id=by.center_id, registered_by_id=by.id)
    _set_ref(profile, ref, center_id=by.center_id)
    _apply(profile, fields)
    db.session.add(profile)
    db.session.flush()
    change_consent(profile, consent, by=by)
    return profile


def update_profile(
    profile: YouthProfile, *, consent: bool, ref: str | None | object = UNCHANGED, **fields: Any
) -> None:
    """Save edited profile fields; the login phone and name of the young person's account follow.
    `ref` (the center's own number) changes only when given: young people do not edit it."""
    if ref is not UNCHANGED:
        _set_ref(profile, ref, center_id=profile.center_id)
    _apply(profile, fields)
    if profile.user is not None:
        _sync_account(profile.user, profile)
    db.session.flush()
    change_consent(profile, consent)


def _apply(profile: YouthProfile, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(profile, name, value)
    if fields.get("gender") and fields.get("education_level"):
        # Both answered on a form that offers "Prefer not to say" (an import's missing column
        # gives None): nothing left that an old form's default might have chosen.
        profile.details_confirmed_at = utcnow()
    profile.full_name = tidy_name(profile.full_name)
    profile.gender = Gender.OTHER if profile.gender == NOT_SAID else Gender(profile.gender)
    profile.education_level = _education(profile.education_level)
    for domain in WG_DOMAINS:
        setattr(profile, domain, stored_answer(getattr(profile, domain)))
    profile.phone = phones.normalize(profile.phone) if profile.phone else None
    if profile.district_code and profile.district_code[:2] != profile.province_code:
        raise ProfileError("district_code", _("This district is not in the chosen province."))
    profile.district_code = profile.district_code or None
    profile.skills = parse_skills(", ".join(profile.skills or []))
    profile.languages = [code for code in LANGUAGE_CODES if code in (profile.languages or [])]
    kinds = profile.wanted_kinds or []
    profile.wanted_kinds = [kind.value for kind in OpeningKind if kind.value in kinds]
    profile.work_provinces = sorted(set(profile.work_provinces or []))


def _education(answer: str | None) -> EducationLevel | None:
    """A stored school level; None when she preferred not to say (never "none")."""
    return None if answer in (None, "", NOT_SAID) else EducationLevel(answer)


def _set_ref(profile: YouthProfile, ref: str | None, *, center_id: int | None) -> None:
    ref = (ref or "").strip() or None
    if ref and ref != profile.ref:
        query = select(YouthProfile.id).where(
            YouthProfile.center_id == center_id, YouthProfile.ref == ref
        )
        if profile.id is not None:
            query = query.where(YouthProfile.id != profile.id)
        if db.session.scalar(query):
            raise ProfileError(
                "ref",
                _(
                    "The number %(ref)s is already used by another young person of this center.",
                    ref=ref,
                ),
            )
    profile.ref = ref


def _sync_account(user: User, profile: YouthProfile) -> None:
    """A new phone number becomes the young person's login too (an empty one keeps the old)."""
    user.display_name = profile.full_name
    if profile.phone and profile.phone != user.phone:
        taken = db.session.scalar(
            select(User.id).where(User.phone == profile.phone, User.id != user.id)
        )
        if taken:
            raise ProfileError(
                "phone",
                _("The phone number %(phone)s is already registered.", phone=profile.phone),
            )
        user.phone = profile.phone
