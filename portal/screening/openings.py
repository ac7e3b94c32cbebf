"""The screening of stored openings: the bridge between the engine (pure, no database) and the
jobs workflow. `screen_opening(opening)` reads an Opening with its organization, adds the known
bad contacts of portal/safety, and stores the level, the reasons and the time on the opening.

The rule that uses the result lives in one place, portal/jobs/services.py: "high" never
publishes, "review" publishes only after a counselor confirms."""

from __future__ import annotations

from collections.abc import Iterable

from portal.extensions import db, utcnow
from portal.jobs.models import Opening, OpeningKind, ScreeningLevel
from portal.safety.contacts import known_values
from portal.screening.engine import screen
from portal.screening.types import Posting, Reason, Screening, Span
from portal.screening_admin.switches import switched_off

CAMBODIA = {"cambodia", "kampuchea", "kh", "កម្ពុជា", "ប្រទេសកម្ពុជា"}


def posting_from(opening: Opening) -> Posting:
    """The opening as the screening reads it, with its organization's name, address, licence
    and contact (phone and e-mail)."""
    organization = opening.organization
    country = (opening.work_country or "").strip()
    abroad = bool(opening.work_abroad) or (bool(country) and country.casefold() not in CAMBODIA)
    contact = [organization.contact_phone, organization.contact_email] if organization else []
    return Posting(
        title=opening.title or "",
        description=opening.description or "",
        skills=tuple(opening.skills or ()),
        kind=OpeningKind(opening.kind).value if opening.kind else "job",
        province_code=opening.province_code,
        abroad=abroad,
        country=country,
        min_age=opening.min_age if opening.min_age is not None else 15,
        hazardous=bool(opening.hazardous),
        salary_min=opening.salary_min,
        salary_max=opening.salary_max,
        currency=opening.currency.value if opening.currency else None,
        organization_name=organization.name if organization else "",
        organization_is_licensed_recruiter=bool(organization and organization.licensed_recruiter),
        organization_address=(organization.address or "") if organization else "",
        contact=" ".join(value for value in contact if value),
    )


def screen_opening(opening: Opening, bad_contacts: Iterable[str] | None = None) -> Screening:
    """Screen `opening` and store the result on it. A counselor's confirmation holds only for
    the warnings they saw: when the reasons change, it is cleared."""
    if bad_contacts is None:
        with db.session.no_autoflush:  # a new opening is saved by its caller, whole
            bad_contacts = known_values()
    contacts = list(bad_contacts)
    off = switched_off()  # the rules an admin switched off (portal/screening_admin)
    result = screen(posting_from(opening), extra_contacts=contacts, disabled=off)
    reasons = [reason_data(reason) for reason in result.reasons]
    if reasons != (opening.screening_reasons or []):
        opening.screening_confirmed_by_id = None
        opening.screening_confirmed_at = None
    opening.screening_level = ScreeningLevel(result.level)
    opening.screening_reasons = reasons
    opening.screened_at = utcnow()
    return result


def reason_data(reason: Reason) -> dict:
    """A reason as stored in Opening.screening_reasons (JSON)."""
    return {
        "indicator": reason.indicator,
        "name": reason.name,
        "weight": reason.weight,
        "matched_text": reason.matched_text,
        "spans": [
            {"field": s.field, "start": s.start, "end": s.end, "text": s.text}
            for s in reason.matches
        ],
        "explanation_en": reason.explanation_en,
        "explanation_km": reason.explanation_km,
    }


def stored_reasons(opening: Opening) -> tuple[Reason, ...]:
    """The reasons of the last screening, as the engine gave them (for highlight())."""
    return tuple(
        Reason(
            indicator=int(data.get("indicator", 0)),
            name=str(data.get("name", "")),
            weight=int(data.get("weight", 0)),
            matches=tuple(
                Span(str(s["field"]), int(s["start"]), int(s["end"]), str(s["text"]))
                for s in data.get("spans", [])
            ),
            explanation_en=str(data.get("explanation_en", "")),
            explanation_km=str(data.get("explanation_km", "")),
        )
        for data in opening.screening_reasons or []
    )


def needs_confirmation(opening: Opening) -> bool:
    """A "review" opening no counselor has confirmed yet."""
    return (
        opening.screening_level == ScreeningLevel.REVIEW and opening.screening_confirmed_at is None
    )


def may_publish(opening: Opening) -> bool:
    """Not high, and not an unconfirmed "review" (see portal/jobs/services.publish)."""
    return opening.screening_level != ScreeningLevel.HIGH and not needs_confirmation(opening)
