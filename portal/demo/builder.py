"""Builds the whole demo through the models and the services, deterministically (fixed seed).
`seed()` flushes; the caller commits once."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import delete, select, update

from portal import search
from portal.auth.models import Role, User
from portal.auth.services import create_user, find_user
from portal.centers.models import Center, CenterProvince
from portal.cv.demo import demo_cv_rows
from portal.extensions import db, utcnow
from portal.jobs.models import Opening
from portal.orgs import services as org_services
from portal.orgs.models import Organization, OrgKind
from portal.phones import normalize as normalize_phone
from portal.safety.models import SafetyContact
from portal.youth.models import EducationLevel, Gender, YouthProfile

from . import data
from .history import seed_history
from .openings import (
    Poster,
    apply_status,
    build_opening,
    pick_poster,
    pick_status,
    province_slots,
)
from .people import CenterDesk, PhoneBook, birth_date, build_youth, youth_provinces

RANDOM_SEED = 2026
OPENING_COUNT = 300
YOUTH_COUNT = 500
YOUTH_LOGIN_COUNT = 24  # besides the demo youth: they log in with their phone number
DEMO_YOUTH_PHONE = "012345678"


@dataclass(frozen=True)
class DemoLogin:
    role: Role
    login: str
    password: str
    who: str


DEMO_EMPLOYER_ORG = "Golden Needle Garment Co. Ltd."
DEMO_LOGINS = (
    DemoLogin(Role.YOUTH, "youth@demo.phlov.org", "demo-youth-2026", "Sok Sreymom, 19, Phnom Penh"),
    DemoLogin(Role.EMPLOYER, "employer@demo.phlov.org", "demo-employer-2026", DEMO_EMPLOYER_ORG),
    DemoLogin(
        Role.COUNSELOR,
        "counselor@demo.phlov.org",
        "demo-counselor-2026",
        "Phnom Penh Youth Employment Center",
    ),
    DemoLogin(Role.ADMIN, "admin@demo.phlov.org", "demo-admin-2026", "all centers"),
)
LOGINS = {login.role: login for login in DEMO_LOGINS}


@dataclass
class SeedSummary:
    centers: int
    organizations: int
    openings: int
    provinces: int
    youth: int
    youth_logins: int
    past_openings: int = 0
    applications: int = 0
    hires: int = 0
    follow_ups_answered: int = 0


def demo_present() -> bool:
    """The demo was seeded already (its admin account exists)."""
    return find_user(LOGINS[Role.ADMIN].login) is not None


def wipe() -> None:
    """Delete every row of every table (the schema and its migrations version stay)."""
    for opening in db.session.scalars(select(Opening)):
        search.remove(opening)  # the rows go in bulk below, past the services
    db.session.execute(update(Organization).values(verified_by_id=None))
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(delete(table))


def seed(now: datetime | None = None) -> SeedSummary:
    """Create the whole demo. The same data every run on the same day."""
    rng = random.Random(RANDOM_SEED)
    now = now or utcnow()
    desks = _centers()
    by_province = {code: desks[row.code] for row in data.centers() for code in row.serves}
    _login(Role.ADMIN, center_id=desks["PP"].center.id, display_name="Demo Admin")
    posters = _organizations(rng, by_province, now)
    openings = _openings(rng, posters, by_province, now)
    youth, youth_logins = _youth(rng, by_province, now)
    db.session.add_all(demo_cv_rows(youth, now))  # their work and schooling, for the CV
    _safety_contacts(desks)
    db.session.flush()
    history = seed_history(posters, by_province, youth, openings, now)
    return SeedSummary(
        centers=len(desks),
        organizations=len(posters),
        openings=len(openings),
        provinces=len({opening.province_code for opening in openings}),
        youth=len(youth),
        youth_logins=youth_logins,
        past_openings=history.past_openings,
        applications=history.applications,
        hires=history.hires,
        follow_ups_answered=history.follow_ups_answered,
    )


def _safety_contacts(desks: dict[str, CenterDesk]) -> None:
    """The hotlines and legal-aid contacts of the safe-migration panel (placeholder numbers
    that an admin must replace: see data/safety_contacts.toml)."""
    for row in data.safety_contacts():
        center = desks[row["center"]].center if row["center"] else None
        fields = {k: v for k, v in row.items() if k != "center"}
        db.session.add(SafetyContact(center_id=center.id if center else None, **fields))


def _login(role: Role, **fields) -> User:
    login = LOGINS[role]
    return create_user(role=role, email=login.login, password=login.password, **fields)


def _centers() -> dict[str, CenterDesk]:
    desks = {}
    for row in data.centers():
        center = Center(
            name=row.name,
            province_code=row.province_code,
            address=row.address,
            phone=normalize_phone(row.phone),
            email=row.email,
            is_partner=row.is_partner,
            provinces=[CenterProvince(province_code=code) for code in row.serves],
        )
        db.session.add(center)
        db.session.flush()
        counselor = create_user(
            role=Role.COUNSELOR,
            email=row.counselor_email,
            password=LOGINS[Role.COUNSELOR].password,
            display_name=row.counselor_name,
            center_id=center.id,
        )
        desks[row.code] = CenterDesk(center=center, code=row.code, counselor=counselor)
    return desks


def _organizations(
    rng: random.Random, by_province: dict[str, CenterDesk], now: datetime
) -> list[Poster]:
    posters = []
    for row in data.organizations():
        organization = Organization(
            name=row.name,
            kind=OrgKind(row.kind),
            description=row.description,
            contact_name=row.contact_name,
            contact_phone=normalize_phone(row.contact_phone),
            contact_email=row.contact_email or None,
            province_code=row.province_code,
            address=row.address,
            registration_no=f"{rng.randint(10_000_000, 99_999_999)}" if row.verified else None,
            created_at=now - timedelta(days=rng.randint(60, 400)),
        )
        db.session.add(organization)
        db.session.flush()
        if row.verified:
            org_services.verify(organization, by=by_province[row.province_code].counselor)
            organization.verified_at = organization.created_at + timedelta(days=rng.randint(1, 9))
        posters.append(Poster(organization=organization, row=row))
    demo = next(p for p in posters if p.organization.name == DEMO_EMPLOYER_ORG)
    demo.employer = _login(
        Role.EMPLOYER, organization_id=demo.organization.id, display_name=demo.row.contact_name
    )
    return posters


def _openings(
    rng: random.Random, posters: list[Poster], by_province: dict[str, CenterDesk], now: datetime
) -> list[Opening]:
    openings: list[Opening] = []
    posted: dict[int, int] = {}
    demo = next(p for p in posters if p.employer)
    others = [p for p in posters if not p.employer]
    slots = province_slots(rng, OPENING_COUNT - 8)
    slots += [demo.row.province_code] * 8  # enough for the demo employer's dashboard
    for nth, province in enumerate(slots):
        poster = demo if nth >= len(slots) - 8 else pick_poster(rng, others, province)
        opening = build_opening(rng, poster, province, now.date())
        status = pick_status(rng, poster, posted.get(poster.organization.id, 0))
        posted[poster.organization.id] = posted.get(poster.organization.id, 0) + 1
        apply_status(
            rng,
            opening,
            status,
            employer=poster.employer,
            reviewer=by_province[province].counselor,
            now=now,
        )
        openings.append(opening)
    return openings


def _youth(
    rng: random.Random, by_province: dict[str, CenterDesk], now: datetime
) -> tuple[list[YouthProfile], int]:
    phones = PhoneBook(rng)
    phones.used.add(DEMO_YOUTH_PHONE)
    profiles = [_demo_youth(by_province["12"], now)]
    for province in youth_provinces(rng, YOUTH_COUNT - 1):
        profiles.append(build_youth(rng, by_province[province], province, phones, now))
    db.session.add_all(profiles)
    db.session.flush()
    with_phone = [p for p in profiles[1:] if p.phone and p.consent_to_share]
    for profile in rng.sample(with_phone, YOUTH_LOGIN_COUNT):
        user = create_user(
            role=Role.YOUTH,
            phone=profile.phone,
            password=LOGINS[Role.YOUTH].password,
            display_name=profile.full_name,
            center_id=profile.center_id,
            locale="km",
        )
        profile.user_id = user.id
        profile.registered_by_id = None  # they signed up themselves
    return profiles, YOUTH_LOGIN_COUNT + 1


def _demo_youth(desk: CenterDesk, now: datetime) -> YouthProfile:
    """The demo youth login: a complete profile that matches the demo garment openings."""
    user = _login(Role.YOUTH, display_name="Sok Sreymom", center_id=desk.center.id)
    registered_at = datetime.combine(now.date() - timedelta(days=20), time(9, 30))
    profile = YouthProfile(
        ref=desk.next_ref(),
        user_id=user.id,
        full_name="Sok Sreymom",
        gender=Gender.FEMALE,
        date_of_birth=birth_date(random.Random(RANDOM_SEED), 19, now.date()),
        phone=DEMO_YOUTH_PHONE,
        province_code="12",
        district_code="1201",
        education_level=EducationLevel.LOWER_SECONDARY,
        skills=["sewing", "customer service", "khmer typing"],
        languages=["km", "en"],
        wanted_kinds=["job", "course"],
        work_provinces=["12", "08"],
        center=desk.center,
        created_at=registered_at,
        updated_at=registered_at,
        details_confirmed_at=registered_at,
    )
    profile.set_consent(True, when=registered_at)
    return profile
