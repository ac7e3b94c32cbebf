"""The CV sent with an application is chosen: none, the one made from the profile, or a file.
The employer of the opening downloads it from the application page; a minor's never shows her
phone, e-mail or district, and waits for her counselor as every minor's CV does."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.placements.models import Application
from tests.conftest import login
from tests.cv.helpers import add_school, add_work
from tests.placements import pdfs

CONTROL = re.compile(r"[\x00-\x1f]")


@pytest.fixture
def employer_and_opening(make_user, make_opening):
    employer = make_user(Role.EMPLOYER)
    return employer, make_opening(organization=employer.organization, title="Mechanic helper")


def _youth(login_as, *, born: date, **fields):
    client, user = login_as(Role.YOUTH, phone="012345678")
    profile = user.youth_profile
    profile.date_of_birth = born
    profile.district_code = "1201"  # Chamkar Mon, Phnom Penh
    profile.skills = ["motorbike repair"]
    for name, value in fields.items():
        setattr(profile, name, value)
    add_work(
        profile,
        what="Repaired motorbikes with my uncle",
        place="My uncle's shop",
        description="Customers call me on 012 345 678 when their tyre is flat.",
    )
    add_school(profile)
    db.session.commit()
    return client, user, profile


def _apply(client, opening, **data):
    data.setdefault("message", "I can start on Monday.")
    return client.post(
        f"/openings/{opening.id}/apply", data=data, content_type="multipart/form-data"
    )


def _application() -> Application:
    db.session.expire_all()
    return db.session.scalars(select(Application)).one()


def _employer_reads_cv(app, employer, application) -> str:
    client = login(app.test_client(), employer)
    page = client.get(f"/employer/applications/{application.id}").get_data(as_text=True)
    assert "Download the CV made from the profile (PDF)" in page
    response = client.get(f"/applications/{application.id}/cv")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return CONTROL.sub("", PdfReader(io.BytesIO(response.data)).pages[0].extract_text())


def test_an_adult_sends_her_profile_cv_and_the_employer_reads_it_with_her_phone(
    app, login_as, employer_and_opening, cv_fonts
):
    employer, opening = employer_and_opening
    client, user, _profile = _youth(login_as, born=date(2000, 3, 1))

    response = _apply(client, opening, cv_choice="profile", cv_language="en")

    assert response.status_code == 302, re.findall(r'class="error"[^<]*<', response.text)
    application = _application()
    assert application.cv.origin == "profile" and application.cv.content_type == "application/pdf"
    text = _employer_reads_cv(app, employer, application)
    assert "Repaired motorbikes with my uncle" in text and "Stopped in grade 9" in text
    assert "012345678" in text and "012 345 678" in text  # her contact, her own words
    assert "Chamkar Mon" in text


def test_a_minors_profile_cv_waits_for_her_counselor_and_never_shows_her_contact(
    app, login_as, make_user, employer_and_opening, cv_fonts
):
    employer, opening = employer_and_opening
    counselor = make_user(Role.COUNSELOR)
    client, user, profile = _youth(
        login_as, born=date(date.today().year - 16, 1, 1), center_id=counselor.center_id
    )
    _apply(client, opening, cv_choice="profile", cv_language="en")
    application = _application()
    employer_client = login(app.test_client(), employer)
    assert employer_client.get(f"/applications/{application.id}/cv").status_code == 404

    counselor_client = login(app.test_client(), counselor)
    counselor_client.post(f"/caseload/applications/{application.id}/release-cv")
    text = _employer_reads_cv(app, employer, application)

    assert "Repaired motorbikes with my uncle" in text
    assert "Contact through" in text and counselor.center.name in text
    for private in ("012345678", "012 345 678", user.email, "Chamkar Mon"):
        assert private not in text, private
    assert "Phnom Penh" in text  # the province, as every employer page shows it


def test_another_employer_never_gets_the_cv(
    app, login_as, make_user, employer_and_opening, cv_fonts
):
    _employer, opening = employer_and_opening
    client, _user, _profile = _youth(login_as, born=date(2000, 3, 1))
    _apply(client, opening, cv_choice="profile", cv_language="km")

    other = login(app.test_client(), make_user(Role.EMPLOYER))

    assert other.get(f"/applications/{_application().id}/cv").status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cv_choice": "upload"}, "Choose the file of the CV"),
        ({"cv_choice": "profile", "cv_language": "en"}, "still empty"),
    ],
)
def test_a_cv_that_cannot_be_sent_keeps_her_message_and_sends_nothing(
    login_as, make_opening, data, message
):
    client, user = login_as(Role.YOUTH)
    user.youth_profile.skills = []
    user.youth_profile.education_level = None
    db.session.commit()

    response = _apply(client, make_opening(), message="My own words", **data)

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and "My own words" in page
    assert db.session.scalars(select(Application)).all() == []


def test_a_file_picked_with_no_cv_ticked_is_sent(login_as, make_opening):
    client, _user = login_as(Role.YOUTH)

    _apply(client, make_opening(), cv_choice="none", cv=(io.BytesIO(pdfs.plain_cv()), "cv.pdf"))

    assert _application().cv.origin == "uploaded"


def test_a_counselor_refers_with_the_profile_cv_already_released(
    app, make_user, make_youth, employer_and_opening, cv_fonts
):
    employer, opening = employer_and_opening
    counselor = make_user(Role.COUNSELOR)
    youth = make_youth(
        center_id=counselor.center_id, date_of_birth=date(date.today().year - 17, 1, 1)
    )
    add_work(youth, what="Sold rice cakes at the market", kind="own")
    client = login(app.test_client(), counselor)

    response = client.post(
        f"/openings/{opening.id}/refer/{youth.id}",
        data={"note": "Hard working.", "cv_choice": "profile", "cv_language": "km"},
        content_type="multipart/form-data",
    )

    assert response.status_code == 302
    application = _application()
    assert application.cv.origin == "profile" and application.cv.released_by_id == counselor.id
    assert "Sold rice cakes at the market" in _employer_reads_cv(app, employer, application)


def test_without_the_fonts_her_profile_cv_is_refused_in_words_and_nothing_is_sent(
    app, login_as, employer_and_opening, tmp_path, monkeypatch
):
    _employer, opening = employer_and_opening
    client, _user, _profile = _youth(login_as, born=date(2000, 3, 1))
    monkeypatch.setitem(app.config, "CV_FONT_DIR", str(tmp_path))

    response = _apply(client, opening, cv_choice="profile", cv_language="km")

    assert response.status_code == 400
    assert "cannot be made as a PDF on this server now" in response.get_data(as_text=True)
    assert db.session.scalars(select(Application)).all() == []
