"""Issue 19, must show: "+855 (0)12 345 678", "012-345-678" and "០១២ ៣៤៥ ៦៧៨" are the same person
everywhere. One number, written as people write it, walked through every door that reads a
phone number: login, sign-up, a desk-registered profile, password recovery by SMS, the
counselors' search, the youth import, the screening of postings against known bad numbers,
the SMS that confirms a phone, and the contact numbers shown with a link that dials them."""

from __future__ import annotations

import csv
import re

import pytest
from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.jobs.models import ScreeningLevel
from portal.safety.models import BadContact, SafetyContact
from portal.youth.models import YouthProfile
from tests.conftest import PASSWORD, login
from tests.fakes.sms import sms_gateway  # noqa: F401  (the fixture)
from tests.jobs.payloads import opening_payload
from tests.recovery.conftest import transports  # noqa: F401  (the fixture)
from tests.youth.helpers import profile_data, signup_data, years_ago

STORED = "012345678"
# The three forms, then the other ways people write it.
SAME = ("+855 (0)12 345 678", "012-345-678", "០១២ ៣៤៥ ៦៧៨")
ALSO = ("+85512345678", "855 12 345 678", "00855 12 345 678", "(012) 345 678", "12345678")


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def dara(make_user):
    """A young person whose account was made with the Khmer digits of her number."""
    return make_user(Role.YOUTH, email=None, phone="០១២ ៣៤៥ ៦៧៨")


def test_her_number_is_stored_one_way_whatever_way_it_was_typed(dara):
    assert dara.phone == STORED


@pytest.mark.parametrize("typed", SAME + ALSO)
def test_she_logs_in_with_her_number_written_any_way(app, dara, typed):
    response = app.test_client().post("/login", data={"identifier": typed, "password": PASSWORD})

    assert response.status_code == 302
    assert response.headers["Location"].endswith("/me/profile")


@pytest.mark.parametrize("typed", SAME)
def test_nobody_signs_up_again_with_her_number_written_another_way(client, dara, typed):
    response = client.post("/signup", data=signup_data(phone=typed, full_name="Someone Else"))

    assert response.status_code == 400
    assert "If this number is yours, log in or recover your password." in response.get_data(
        as_text=True
    )
    assert _count(User) == 1


@pytest.mark.parametrize("typed", SAME)
def test_recovery_by_sms_finds_her_whatever_way_she_types_it(app, dara, transports, typed):  # noqa: F811
    sms = transports("sms")["sms"]

    response = app.test_client().post("/password/forgot", data={"identifier": typed})
    db.session.remove()
    response.close()

    assert "we sent it a 6-digit code" in response.get_data(as_text=True)
    [(address, _subject, _body)] = sms.sent
    assert address == STORED


@pytest.mark.parametrize("typed", SAME + ALSO + ("+855 12 345", "៣៤៥ ៦៧៨"))
def test_a_counselor_finds_her_by_her_number_written_any_way(login_as, make_youth, typed):
    client, counselor = login_as(Role.COUNSELOR)
    make_youth(full_name="Srey Leak", phone=STORED, center_id=counselor.center_id)
    make_youth(full_name="Vannak Chea", phone="0977654321", center_id=counselor.center_id)

    page = client.get("/youth", query_string={"q": typed}).get_data(as_text=True)

    assert "Srey Leak" in page
    assert "Vannak Chea" not in page


def _import(runner, tmp_path, center, phone):
    path = tmp_path / "youth.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["ref", "full_name", "gender", "date_of_birth", "province", "phone"])
        born = years_ago(19).strftime("%d/%m/%Y")
        writer.writerow(["PP-7", "Srey Leak", "F", born, "Phnom Penh", phone])
    return runner.invoke(args=["youth", "import", str(path), "--center", str(center.id)])


def test_a_center_imports_her_in_each_form_and_she_is_one_person_with_one_number(
    runner, ctx, tmp_path, make_center, client
):
    center = make_center("Phnom Penh Job Center")
    for typed in SAME:
        result = _import(runner, tmp_path, center, typed)
        assert result.exit_code == 0, result.output

    [profile] = db.session.scalars(select(YouthProfile)).all()
    assert profile.phone == STORED
    # Desk-registered: signing up with the number in any form goes through her center's code.
    for typed in SAME:
        response = client.post("/signup", data=signup_data(phone=typed))
        assert response.status_code == 400
        assert "A youth center has already registered this number." in response.get_data(
            as_text=True
        )
    assert _count(User) == 0


@pytest.mark.parametrize("listed", SAME)
def test_a_posting_with_a_known_bad_number_in_any_form_is_held(login_as, listed):
    admin, _ = login_as(Role.ADMIN)
    added = admin.post("/admin/bad-contacts", data={"kind": "phone", "value": listed})
    assert added.status_code == 302
    for again in SAME:  # the same number typed another way is the same row
        assert (
            admin.post("/admin/bad-contacts", data={"kind": "phone", "value": again}).status_code
            == 400
        )
    assert db.session.scalar(select(BadContact.value)) == STORED
    employer, user = login_as(Role.EMPLOYER)

    for written in SAME:
        description = f"Easy work in a shop, good pay. Call {written} today."
        employer.post("/openings/new", data=opening_payload(description=description))

    openings = user.organization.openings
    assert len(openings) == 3
    for opening in openings:
        assert opening.screening_level == ScreeningLevel.HIGH
        [reason] = [r for r in opening.screening_reasons if r["name"] == "known_bad_contact"]
        assert reason["matched_text"] in SAME


def test_her_phone_is_confirmed_by_sms_and_stays_confirmed_when_she_writes_it_another_way(
    app,
    dara,
    sms_gateway,  # noqa: F811
):
    client = login(app.test_client(), dara)

    page = client.post("/account/phone/send", follow_redirects=True).get_data(as_text=True)

    assert "We are sending a code to 012 345 678." in page
    [sms] = sms_gateway.messages
    assert sms["to"] == "+85512345678"
    code = re.search(r"\b(\d{6})\b", sms["text"]).group(1)
    assert client.post("/account/phone/confirm", data={"code": code}).status_code == 302
    for typed in SAME:
        client.post("/me/profile", data=profile_data(phone=typed))
        db.session.refresh(dara)
        assert dara.phone == STORED and dara.phone_confirmed_at is not None


# --- numbers people call: hotlines and contact phones --------------------------------------

HOTLINE = {
    "center": "",
    "kind": "hotline",
    "name_en": "Migrant workers line",
    "name_km": "ខ្សែទូរស័ព្ទពលករចំណាកស្រុក",
    "note_en": "",
    "note_km": "",
    "position": "1",
}


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("en", "Write a phone number people can call"),
        ("km", "សរសេរលេខទូរស័ព្ទដែលគេអាចហៅបាន"),
    ],
)
def test_call_us_is_not_a_hotline(login_as, locale, message):
    admin, _ = login_as(Role.ADMIN, locale=locale)

    response = admin.post("/admin/safety-contacts", data={**HOTLINE, "phone": "call us"})

    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _count(SafetyContact) == 0


@pytest.mark.parametrize(
    ("typed", "stored", "shown", "href"),
    [
        ("០២៣ ៨៨១ ២៣៤", "023881234", "023 881 234", "tel:+85523881234"),
        ("+855 (0)12 345 678", STORED, "012 345 678", "tel:+85512345678"),
        ("+66 2 123 4567", "+6621234567", "+66 2 123 4567", "tel:+6621234567"),
        ("1288", "1288", "1288", "tel:1288"),
    ],
)
def test_a_hotline_is_stored_once_shown_nationally_and_dialled_in_e164(
    login_as, make_opening, client, typed, stored, shown, href
):
    admin, _ = login_as(Role.ADMIN)
    assert admin.post("/admin/safety-contacts", data={**HOTLINE, "phone": typed}).status_code == 302
    assert db.session.scalar(select(SafetyContact.phone)) == stored
    opening = make_opening(title="Farm work", work_abroad=True, work_country="Thailand")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert f'<a href="{href}">{shown}</a>' in page


def test_an_old_hotline_that_is_not_a_number_is_shown_without_a_link(make_opening, client, ctx):
    db.session.add(
        SafetyContact(kind="hotline", name_en="Old line", name_km="ខ្សែចាស់", phone="call us")
    )
    db.session.commit()
    opening = make_opening(title="Farm work", work_abroad=True, work_country="Thailand")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert "call us" in page
    assert 'href="tel:' not in page


def test_an_organization_contact_phone_is_checked_stored_and_dialled(login_as):
    employer, user = login_as(Role.EMPLOYER)
    form = {
        "contact_name": "Ms. Ly",
        "contact_phone": "call us",
        "province": "12",
        "description": "",
        "contact_email": "",
        "address": "",
    }

    refused = employer.post("/employer/organization", data=form)
    assert refused.status_code == 400
    assert "Enter a Cambodian phone number" in refused.get_data(as_text=True)

    employer.post("/employer/organization", data={**form, "contact_phone": "០១២ ៣៤៥ ៦៧៨"})
    db.session.refresh(user.organization)
    assert user.organization.contact_phone == STORED
    page = employer.get(f"/orgs/{user.organization.id}").get_data(as_text=True)
    assert '<a href="tel:+85512345678">012 345 678</a>' in page
