"""The youth services, as the views and the CLI use them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.phones import search_digits
from portal.skills import parse_skills
from portal.youth.models import Gender, YouthProfile
from portal.youth.queries import YouthFilters, gender_counts, search_youth
from portal.youth.services import (
    ProfileError,
    age_problem,
    register_youth,
    sign_up_youth,
    update_profile,
)


def _fields(**overrides) -> dict:
    fields = {
        "full_name": "  Sok   Dara ",
        "gender": "male",
        "date_of_birth": date(2004, 6, 1),
        "phone": "+855 12 345 678",
        "province_code": "12",
    }
    fields.update(overrides)
    return fields


@pytest.mark.parametrize(
    ("typed", "skills"),
    [
        ("sewing, cooking", ["sewing", "cooking"]),
        (" Sewing ,sewing,, SEWING , cooking ", ["Sewing", "cooking"]),
        ("motorbike    repair;\nwelding", ["motorbike repair", "welding"]),
        ("ដេរ, ចម្អិន, ដេរ", ["ដេរ", "ចម្អិន"]),
        ("", []),
        (None, []),
    ],
)
def test_skills_are_trimmed_and_not_repeated(typed, skills):
    assert parse_skills(typed) == skills


@pytest.mark.parametrize(
    ("born", "refused"),
    [
        (date(2010, 3, 11), "from 15 years old"),  # 14, turns 15 tomorrow
        (date(2010, 3, 10), None),  # 15 today
        (date(1994, 3, 11), None),  # 30, turns 31 tomorrow
        (date(1994, 3, 10), "up to 30 years old"),  # 31 today
        (date(2025, 3, 11), "cannot be in the future"),
    ],
)
def test_the_age_is_checked_on_the_day(app, born, refused):
    with app.test_request_context():
        problem = age_problem(born, today=date(2025, 3, 10))
    assert (problem is None) if refused is None else (refused in problem)


def test_sign_up_creates_the_account_and_profile_together(app, ctx):
    with app.test_request_context():
        user = sign_up_youth(
            email="Dara@Example.org", password="my-secret-9", consent=True, **_fields()
        )
    db.session.commit()

    assert (user.role, user.email, user.phone) == (Role.YOUTH, "dara@example.org", "012345678")
    assert user.display_name == "Sok Dara"
    profile = user.youth_profile
    assert profile.full_name == "Sok Dara"
    assert profile.gender == Gender.MALE
    assert profile.consent_to_share and profile.consent_at is not None


def test_a_taken_phone_names_the_phone_field_and_leaves_no_profile(app, make_user, ctx):
    make_user(Role.YOUTH, phone="012345678", email=None)

    with app.test_request_context(), pytest.raises(ProfileError) as refused:
        sign_up_youth(email=None, password="my-secret-9", consent=False, **_fields())
    db.session.rollback()

    assert refused.value.field == "phone"
    assert db.session.scalar(select(func.count()).select_from(YouthProfile)) == 1
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_a_counselor_registration_belongs_to_their_center(app, make_user, ctx):
    counselor = make_user(Role.COUNSELOR)

    with app.test_request_context():
        profile = register_youth(by=counselor, consent=False, ref=" A-7 ", **_fields(phone=""))
    db.session.commit()

    assert profile.center_id == counselor.center_id
    assert profile.registered_by_id == counselor.id
    assert profile.ref == "A-7"
    assert profile.phone is None
    assert profile.user_id is None


def test_lists_are_cleaned_before_saving(app, make_youth, ctx):
    profile = make_youth()

    with app.test_request_context():
        update_profile(
            profile,
            consent=False,
            **_fields(
                languages=["en", "xx", "km"],
                wanted_kinds=["course", "job", "course", "party"],
                work_provinces=["17", "12", "17"],
                skills=["sewing", " Sewing "],
            ),
        )

    assert profile.languages == ["km", "en"]
    assert profile.wanted_kinds == ["job", "course"]
    assert profile.work_provinces == ["12", "17"]
    assert profile.skills == ["sewing"]


def test_a_district_outside_the_province_is_refused(app, make_youth, ctx):
    profile = make_youth()

    with app.test_request_context(), pytest.raises(ProfileError) as refused:
        update_profile(profile, consent=False, **_fields(province_code="17", district_code="1201"))

    assert refused.value.field == "district_code"


def test_the_young_person_does_not_change_the_center_number(app, make_youth, ctx):
    profile = make_youth(ref="K-1")

    with app.test_request_context():
        update_profile(profile, consent=False, **_fields())

    assert profile.ref == "K-1"


def test_withdrawing_consent_clears_its_date(app, make_youth, ctx):
    profile = make_youth()
    with app.test_request_context():
        update_profile(profile, consent=True, **_fields())
        assert profile.consent_at is not None
        update_profile(profile, consent=False, **_fields())
    assert (profile.consent_to_share, profile.consent_at) == (False, None)


def test_an_unknown_field_is_a_programming_error(app, make_youth, ctx):
    with app.test_request_context(), pytest.raises(TypeError):
        update_profile(make_youth(), consent=False, center_id=3, **_fields())


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("+855 12 345", "012345"),
        ("012-345", "012345"),
        ("០១២៣", "0123"),
        ("Dara", None),
        ("12", None),
    ],
)
def test_phone_search_accepts_any_format(typed, digits):
    assert search_digits(typed) == digits


def test_gender_counts_cover_every_gender(make_user, make_youth, ctx):
    admin = make_user(Role.ADMIN)
    make_youth(gender=Gender.FEMALE)
    make_youth(gender=Gender.FEMALE)
    make_youth(gender=Gender.OTHER)

    assert gender_counts(admin, YouthFilters()) == {"female": 2, "male": 0, "other": 1}


def test_a_name_with_sql_wildcards_is_searched_literally(app, make_user, make_youth, ctx):
    admin = make_user(Role.ADMIN)
    make_youth(full_name="Dara 100%")
    make_youth(full_name="Dara 1000")

    with app.test_request_context():
        found = search_youth(admin, YouthFilters(text="100%"), page=1).items

    assert [youth.full_name for youth in found] == ["Dara 100%"]


def test_an_employer_finds_no_youth_through_the_list_query(make_user, make_youth, ctx):
    employer = make_user(Role.EMPLOYER)
    make_youth()

    assert gender_counts(employer, YouthFilters()) == {"female": 0, "male": 0, "other": 0}
