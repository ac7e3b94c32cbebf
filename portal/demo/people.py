"""Demo young people: Khmer names, ages 15 to 30, from every province, registered to the center
that serves their province."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from portal.auth.models import User
from portal.centers.models import Center
from portal.places import districts_of
from portal.youth.models import EducationLevel, Gender, YouthProfile, age_on

from . import data

# Mobile prefixes of the Cambodian operators; the 10-digit ones are Metfone's and Smart's newer.
PHONE_PREFIXES = [
    "012",
    "011",
    "017",
    "077",
    "078",
    "089",
    "092",
    "095",
    "010",
    "015",
    "016",
    "069",
    "070",
    "081",
    "086",
    "087",
    "093",
    "098",
    "061",
    "090",  # not 076: its numbers have 7 digits after it (phonenumbers' plan for Cambodia)
    "085",
]
LONG_PHONE_PREFIXES = ["088", "097", "096", "071"]
KINDS = ["job", "internship", "course"]


@dataclass
class CenterDesk:
    """A demo center, the counselor who registers youth there, and its next youth number."""

    center: Center
    code: str
    counselor: User
    registered: int = 0

    def next_ref(self) -> str:
        self.registered += 1
        return f"{self.code}-{self.registered:04d}"


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_date(rng: random.Random, age: int, today: date) -> date:
    """A birthday that makes someone exactly `age` today."""
    latest = years_before(today, age)
    earliest = years_before(today, age + 1) + timedelta(days=1)
    born = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
    assert age_on(born, today) == age
    return born


def full_name(rng: random.Random, gender: Gender) -> str:
    """Family name first; a quarter written in Khmer script, the rest romanized."""
    names = data.people()
    given_pool = {Gender.FEMALE: "female", Gender.MALE: "male"}.get(gender)
    given = rng.choice(names[given_pool or rng.choice(["female", "male"])])
    family = rng.choice(names["family"])
    script = 1 if rng.random() < 0.25 else 0
    return f"{family[script]} {given[script]}"


class PhoneBook:
    """Unique, valid Cambodian mobile numbers (valid for `portal.phones`: tested)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def new(self) -> str:
        while True:
            if self.rng.random() < 0.8:
                number = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randint(0, 999_999):06d}"
            else:
                number = (
                    self.rng.choice(LONG_PHONE_PREFIXES) + f"{self.rng.randint(0, 9_999_999):07d}"
                )
            if number not in self.used:
                self.used.add(number)
                return number


def education_for(rng: random.Random, age: int) -> EducationLevel:
    levels = list(EducationLevel)  # none, primary, lower, upper, vocational, university
    if age < 18:
        weights = [4, 25, 50, 21, 0, 0]
    elif age < 22:
        weights = [3, 15, 30, 32, 12, 8]
    else:
        weights = [4, 18, 25, 22, 14, 17]
    return rng.choices(levels, weights=weights)[0]


def skills_for(rng: random.Random, education: EducationLevel) -> list[str]:
    sectors = data.sectors()
    interests = rng.sample([name for name in sectors if name != "how_to_apply"], rng.randint(1, 2))
    pool = sorted({s for name in interests for t in sectors[name]["jobs"] for s in t["skills"]})
    pool += data.people()["common_skills"]
    most = 1 if education in (EducationLevel.NONE, EducationLevel.PRIMARY) else 4
    return rng.sample(pool, rng.randint(0, most))


def languages_for(rng: random.Random) -> list[str]:
    spoken = ["km"]
    for code, percent in data.people()["languages"]:
        if rng.random() * 100 < percent:
            spoken.append(code)
    return spoken


def wanted_kinds_for(rng: random.Random, age: int, skills: list[str]) -> list[str]:
    # The youngest, and those without skills, often look for a course first.
    weights = [3, 2, 5] if age < 18 or not skills else [8, 3, 3]
    first = rng.choices(KINDS, weights=weights)[0]
    others = [kind for kind in KINDS if kind != first and rng.random() < 0.35]
    return [kind for kind in KINDS if kind in [first, *others]]


def work_provinces_for(rng: random.Random, home: str) -> list[str]:
    wanted = [home]
    for city, chance in (("12", 0.35), ("17", 0.12), ("18", 0.06)):
        if city != home and rng.random() < chance:
            wanted.append(city)
    return wanted


def build_youth(
    rng: random.Random, desk: CenterDesk, province: str, phones: PhoneBook, now: datetime
) -> YouthProfile:
    """One young person (not yet saved) living in `province`, registered at `desk`."""
    today = now.date()
    gender = rng.choices(list(Gender), weights=[49, 49, 2])[0]
    age = min(30, int(rng.triangular(15, 31, 19)))
    education = education_for(rng, age)
    skills = skills_for(rng, education)
    districts = districts_of(province)
    registered_at = now - timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 600))
    youth = YouthProfile(
        ref=desk.next_ref(),
        full_name=full_name(rng, gender),
        gender=gender,
        date_of_birth=birth_date(rng, age, today),
        phone=phones.new() if rng.random() < 0.88 else None,
        province_code=province,
        district_code=rng.choice(districts).code if districts and rng.random() < 0.9 else None,
        education_level=education,
        skills=skills,
        languages=languages_for(rng),
        wanted_kinds=wanted_kinds_for(rng, age, skills),
        work_provinces=work_provinces_for(rng, province),
        center=desk.center,
        registered_by_id=desk.counselor.id,
        created_at=registered_at,
        updated_at=registered_at,
        details_confirmed_at=registered_at,  # answered on today's form, not an old default
    )
    youth.set_consent(rng.random() < 0.88, when=registered_at)
    return youth


def youth_provinces(rng: random.Random, count: int) -> list[str]:
    """Where `count` young people live: every province at least twice, then by weight."""
    weights = data.province_weights()["youth"]
    codes = sorted(weights)
    slots = codes * 2
    slots += rng.choices(codes, weights=[weights[c] for c in codes], k=count - len(slots))
    rng.shuffle(slots)
    return slots
