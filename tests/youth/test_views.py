"""A young person keeps their profile up to date; counselors see and register their youth."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from portal.auth.models import Role
from portal.extensions import db
from portal.youth.models import Gender, YouthProfile
from tests.conftest import PASSWORD
from tests.youth.helpers import profile_data, years_ago


def _fresh(profile: YouthProfile) -> YouthProfile:
    db.session.expire_all()
    return db.session.get(YouthProfile, profile.id)


# --- A young person's own profile -------------------------------------------------------------


def test_youth_saves_a_complete_profile_and_stays_on_the_page(login_as, ctx):
    client, user = login_as(Role.YOUTH)

    response = client.post(
        "/me/profile",
        data=profile_data(
            district_code="1710",
            skills=" sewing, Cooking ,, sewing ,  motorbike   repair",
            languages=["km", "en"],
            wanted_kinds=["job", "course"],
            work_provinces=["17", "12"],
            education_level="upper_secondary",
        ),
        follow_redirects=True,
    )

    assert response.status_code == 200
    assert response.request.path == "/me/profile"
    page = response.get_data(as_text=True)
    assert "Your profile is saved." in page
    assert 'value="sewing, Cooking, motorbike repair"' in page
    profile = _fresh(user.youth_profile)
    assert profile.full_name == "Chan Sreymom"
    assert profile.phone == "0971234567"
    assert (profile.province_code, profile.district_code) == ("17", "1710")
    assert profile.skills == ["sewing", "Cooking", "motorbike repair"]
    assert profile.languages == ["km", "en"]
    assert profile.wanted_kinds == ["job", "course"]
    assert profile.work_provinces == ["12", "17"]
    assert profile.education_level == "upper_secondary"


def test_the_profile_form_uses_plain_labels(login_as):
    client, _user = login_as(Role.YOUTH)

    page = client.get("/me/profile").get_data(as_text=True)

    for label in (
        "Lower secondary (grade 9)",
        "Upper secondary (grade 12)",
        "Vocational training",
        "Korean",
        "An internship",
        "Provinces where you would work",
        "Prefer not to say",
    ):
        assert label in page
    assert page.count("<h1>") == 1


def test_a_district_of_another_province_is_refused_and_nothing_changes(login_as, ctx):
    client, user = login_as(Role.YOUTH)
    before = _fresh(user.youth_profile)
    name, province = before.full_name, before.province_code

    response = client.post(
        "/me/profile", data=profile_data(province_code="17", district_code="0301")
    )

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "This district is not in the chosen province." in page
    assert 'value="Chan Sreymom"' in page  # what was typed is kept
    after = _fresh(user.youth_profile)
    assert (after.full_name, after.province_code, after.district_code) == (name, province, None)


def test_moving_to_another_province_drops_the_old_district(login_as, ctx):
    client, user = login_as(Role.YOUTH)
    client.post("/me/profile", data=profile_data(province_code="12", district_code="1201"))

    response = client.post(
        "/me/profile", data=profile_data(province_code="17", district_code="1201")
    )

    assert response.status_code == 302
    moved = _fresh(user.youth_profile)
    assert (moved.province_code, moved.district_code) == ("17", None)
    assert "Angkor Chum" in client.get("/me/profile").get_data(as_text=True)


def test_consent_is_dated_when_given_and_cleared_when_withdrawn(login_as, ctx):
    client, user = login_as(Role.YOUTH)
    user.youth_profile.set_consent(False)
    db.session.commit()

    client.post("/me/profile", data=profile_data(consent="y"))
    given = _fresh(user.youth_profile)
    assert given.consent_to_share is True
    assert given.consent_at.date() == date.today()
    assert "You agreed on" in client.get("/me/profile").get_data(as_text=True)

    client.post("/me/profile", data=profile_data())  # the box is left unticked
    withdrawn = _fresh(user.youth_profile)
    assert withdrawn.consent_to_share is False
    assert withdrawn.consent_at is None


def test_a_new_phone_number_becomes_the_login(app, login_as, ctx):
    client, user = login_as(Role.YOUTH)

    client.post("/me/profile", data=profile_data(phone="+855 97 765 4321"))

    response = app.test_client().post(
        "/login", data={"identifier": "097 765 4321", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_a_phone_number_of_another_account_is_refused(login_as, make_user, ctx):
    make_user(Role.EMPLOYER, phone="012 999 888")
    client, user = login_as(Role.YOUTH)

    response = client.post("/me/profile", data=profile_data(phone="012999888"))

    assert response.status_code == 400
    assert "012999888 is already registered" in response.get_data(as_text=True)
    assert _fresh(user.youth_profile).phone is None


def test_a_profile_edit_with_a_wrong_phone_keeps_what_was_typed(login_as, ctx):
    client, user = login_as(Role.YOUTH)

    response = client.post(
        "/me/profile", data=profile_data(phone="not a phone", skills="welding, baking")
    )

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Enter a Cambodian phone number" in page
    assert 'value="welding, baking"' in page
    assert _fresh(user.youth_profile).skills == []


def test_a_young_person_who_turned_31_can_still_fix_their_profile(login_as, ctx):
    client, user = login_as(Role.YOUTH)
    profile = _fresh(user.youth_profile)
    profile.date_of_birth = years_ago(31)
    db.session.commit()

    response = client.post(
        "/me/profile", data=profile_data(date_of_birth=years_ago(31).isoformat())
    )
    assert response.status_code == 302

    changed = client.post("/me/profile", data=profile_data(date_of_birth=years_ago(40).isoformat()))
    assert changed.status_code == 400
    assert "up to 30 years old" in changed.get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN])
def test_only_young_people_have_a_profile_page(login_as, role):
    client, _user = login_as(role)
    assert client.get("/me/profile").status_code == 403


@pytest.mark.parametrize(
    "path", ["/me/profile", "/youth", "/youth/new", "/youth/1", "/youth/1/edit"]
)
def test_an_anonymous_visitor_is_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


# --- Counselors: their center's youth -------------------------------------------------------


@pytest.fixture
def two_centers(make_center, make_youth, login_as):
    """A counselor of the Siem Reap center, its two youth, and one youth of Battambang."""
    siem_reap = make_center("Siem Reap center", province_code="17")
    battambang = make_center("Battambang center", province_code="02")
    client, counselor = login_as(Role.COUNSELOR, center_id=siem_reap.id)
    mine = [
        make_youth(full_name="Srey Leak", center_id=siem_reap.id, phone="012345678", ref="SR-1"),
        make_youth(
            full_name="Vannak Chea", gender=Gender.MALE, center_id=siem_reap.id, province_code="17"
        ),
    ]
    other = make_youth(full_name="Bopha Other", center_id=battambang.id, province_code="02")
    return client, counselor, mine, other, battambang


def test_a_counselor_sees_only_the_youth_of_their_center(two_centers):
    client, _counselor, mine, other, _center = two_centers

    page = client.get("/youth").get_data(as_text=True)

    assert "Srey Leak" in page and "Vannak Chea" in page
    assert "Bopha Other" not in page
    assert "2 young people" in page
    assert "Female: 1" in page and "Male: 1" in page


def test_a_counselor_gets_404_on_a_youth_of_another_center(two_centers):
    client, _counselor, _mine, other, _center = two_centers

    assert client.get(f"/youth/{other.id}").status_code == 404
    assert client.get(f"/youth/{other.id}/edit").status_code == 404
    assert client.post(f"/youth/{other.id}/edit", data=profile_data()).status_code == 404


def test_an_unknown_youth_is_404(login_as):
    client, _admin = login_as(Role.ADMIN)
    assert client.get("/youth/999999").status_code == 404


def test_an_admin_sees_every_center_and_can_filter_by_center(two_centers, login_as):
    _client, _counselor, _mine, other, battambang = two_centers
    admin, _user = login_as(Role.ADMIN)

    page = admin.get("/youth").get_data(as_text=True)
    assert "Srey Leak" in page and "Bopha Other" in page
    assert "3 young people" in page
    assert admin.get(f"/youth/{other.id}").status_code == 200

    only = admin.get(f"/youth?center={battambang.id}").get_data(as_text=True)
    assert "Bopha Other" in only and "Srey Leak" not in only


def test_a_counselor_cannot_widen_the_list_with_a_center_filter(two_centers):
    client, _counselor, _mine, _other, battambang = two_centers

    page = client.get(f"/youth?center={battambang.id}").get_data(as_text=True)

    assert "Bopha Other" not in page


@pytest.mark.parametrize(
    ("query", "found", "missing"),
    [
        ("q=leak", "Srey Leak", "Vannak Chea"),
        ("q=%2B855+12+345", "Srey Leak", "Vannak Chea"),
        ("q=SR-1", "Srey Leak", "Vannak Chea"),
        ("gender=male", "Vannak Chea", "Srey Leak"),
        ("province=%E1%9E%9F%E1%9F%80%E1%9E%98%E1%9E%9A%E1%9E%B6%E1%9E%94", "Vannak", "Leak"),
        ("province=siem+reap", "Vannak Chea", "Srey Leak"),
    ],
)
def test_counselors_filter_their_list(two_centers, query, found, missing):
    client, *_ = two_centers

    page = client.get(f"/youth?{query}").get_data(as_text=True)

    assert found in page
    assert missing not in page


def test_the_gender_counts_follow_the_filters(two_centers):
    client, *_ = two_centers

    page = client.get("/youth?gender=male").get_data(as_text=True)

    assert "1 young person" in page
    assert "Female: 0" in page and "Male: 1" in page


def test_an_unknown_province_gets_a_message_naming_the_closest(two_centers):
    client, *_ = two_centers

    response = client.get("/youth?province=Batambangg+city+xyz")

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "We do not know the province" in page
    assert "Battambang" in page.split("We do not know the province")[1].split("</p>")[0]
    assert "Srey Leak" not in page  # no list that would look filtered when it is not
    assert "Correct the filter marked above" in page


def test_the_list_is_paginated(make_center, make_youth, login_as):
    center = make_center()
    client, _counselor = login_as(Role.COUNSELOR, center_id=center.id)
    for number in range(30):
        make_youth(full_name=f"Youth {number:02d}", center_id=center.id)

    first = client.get("/youth").get_data(as_text=True)
    second = client.get("/youth?page=2").get_data(as_text=True)

    assert "Youth 00" in first and "Youth 29" not in first
    assert "Page 1 of 2" in first
    filtered = client.get("/youth?gender=female").get_data(as_text=True)
    assert "gender=female" in filtered.split('rel="next"')[1].split(">")[0]
    assert "Youth 29" in second and "Youth 00" not in second
    assert client.get("/youth?page=abc").status_code == 200


@pytest.mark.parametrize("role", [Role.YOUTH, Role.EMPLOYER])
def test_youth_and_employers_cannot_see_the_youth_list(login_as, make_youth, role):
    client, _user = login_as(role)
    youth = make_youth()

    assert client.get("/youth").status_code == 403
    assert client.get("/youth/new").status_code == 403
    assert client.get(f"/youth/{youth.id}").status_code == 403


# --- Counselors register and edit -------------------------------------------------------------


def test_a_counselor_registers_a_youth_who_then_appears_in_the_list(two_centers, ctx):
    client, counselor, *_ = two_centers

    response = client.post(
        "/youth/new",
        data=profile_data(full_name="Dara New", gender="male", ref="SR-2", phone="", consent="y"),
        follow_redirects=True,
    )

    assert response.status_code == 200
    assert "Dara New is registered at your center." in response.get_data(as_text=True)
    profile = db.session.scalar(select(YouthProfile).where(YouthProfile.full_name == "Dara New"))
    assert profile.center_id == counselor.center_id
    assert profile.registered_by_id == counselor.id
    assert profile.user_id is None
    assert profile.consent_at is not None
    page = client.get("/youth").get_data(as_text=True)
    assert "Dara New" in page
    assert "3 young people" in page
    assert "Male: 2" in page


def test_a_taken_center_number_is_refused_with_a_message(two_centers, ctx):
    client, *_ = two_centers

    response = client.post("/youth/new", data=profile_data(full_name="Twin", ref="SR-1"))

    assert response.status_code == 400
    assert "The number SR-1 is already used" in response.get_data(as_text=True)
    assert (
        db.session.scalar(
            select(func.count()).select_from(YouthProfile).where(YouthProfile.full_name == "Twin")
        )
        == 0
    )


def test_the_same_number_may_be_used_by_another_center(two_centers, make_youth, ctx):
    client, _counselor, _mine, other, _center = two_centers
    other.ref = "SR-9"
    db.session.commit()

    response = client.post("/youth/new", data=profile_data(ref="SR-9"))

    assert response.status_code == 302


def test_a_counselor_sees_phone_and_date_of_birth(two_centers):
    client, _counselor, mine, *_ = two_centers

    page = client.get(f"/youth/{mine[0].id}").get_data(as_text=True)

    assert '<a href="tel:+85512345678">012 345 678</a>' in page
    assert "Jan 15, 2003" in page
    assert page.count("<h1>") == 1


def test_a_counselor_edits_a_youth_of_their_center(two_centers, ctx):
    client, _counselor, mine, *_ = two_centers

    form = client.get(f"/youth/{mine[0].id}/edit").get_data(as_text=True)
    assert 'value="SR-1"' in form

    response = client.post(
        f"/youth/{mine[0].id}/edit",
        data=profile_data(full_name="Srey Leak Chan", ref="SR-1", skills="sales"),
    )

    assert response.status_code == 302
    saved = _fresh(mine[0])
    assert (saved.full_name, saved.ref, saved.skills) == ("Srey Leak Chan", "SR-1", ["sales"])


def test_a_counselor_edit_with_errors_changes_nothing(two_centers, ctx):
    client, _counselor, mine, *_ = two_centers

    response = client.post(
        f"/youth/{mine[1].id}/edit", data=profile_data(full_name="Changed", ref="SR-1")
    )

    assert response.status_code == 400
    assert "already used" in response.get_data(as_text=True)
    assert _fresh(mine[1]).full_name == "Vannak Chea"
