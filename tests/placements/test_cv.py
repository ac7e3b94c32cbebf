"""A CV is a real PDF of at most 2 MB, whatever its name; a refused one leaves no application;
only the people concerned may download it, and it always downloads, never opens in the page."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.placements import services
from portal.placements.cv import CvFile, cv_problem, safe_filename
from portal.placements.models import Application
from tests.placements import pdfs

PDF = pdfs.plain_cv()
MB = 1024 * 1024


def _pdf_of(size: int) -> bytes:
    return pdfs.padded_cv(size)


@pytest.fixture
def youth(login_as):
    return login_as(Role.YOUTH)


@pytest.fixture
def opening(make_opening):
    return make_opening(title="Shop assistant")


def _post_cv(client, opening, data: bytes, name: str = "cv.pdf", message: str = "Hello"):
    return client.post(
        f"/openings/{opening.id}/apply",
        data={"message": message, "cv": (io.BytesIO(data), name, "application/pdf")},
        content_type="multipart/form-data",
    )


def _applications():
    db.session.expire_all()
    return db.session.scalars(select(Application)).all()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"PK\x03\x04word/document.xml" + b"x" * 100, "not a PDF"),  # a .docx renamed
        (b"\xff\xd8\xff\xe0JFIF" + b"x" * 100, "not a PDF"),  # a .jpg renamed
        (b"%PDF-1.4 cut off in the middle", "not a PDF"),  # no end: a broken file
        (_pdf_of(2 * MB + 1), "too big"),
    ],
)
def test_what_is_not_a_small_pdf_is_refused(data, words, app):
    with app.test_request_context():
        assert words in cv_problem(CvFile("cv.pdf", data))


def test_a_pdf_of_exactly_2_mb_with_a_strange_name_is_fine(app):
    with app.test_request_context():
        assert cv_problem(CvFile("my photo.JPG", _pdf_of(2 * MB))) is None


def test_names_are_made_safe_to_offer_for_download():
    assert safe_filename('C:\\Users\\dara\\my "cv".pdf') == "my cv.pdf"
    assert safe_filename("../../etc/passwd") == "passwd.pdf"
    assert safe_filename("") == "cv.pdf"


def test_a_youth_sends_a_pdf_cv(youth, opening):
    client, _user = youth

    response = _post_cv(client, opening, PDF, name="Dara CV.pdf")

    assert response.status_code == 302
    [application] = _applications()
    assert application.cv.filename == "Dara CV.pdf"
    assert application.cv.size == len(PDF)


def test_a_renamed_word_file_is_refused_and_nothing_is_saved(youth, opening):
    client, _user = youth

    response = _post_cv(client, opening, b"PK\x03\x04" + b"x" * 5000, message="My words")

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "This file is not a PDF" in page
    assert "My words" in page  # what was typed is kept
    assert _applications() == []


def test_a_3_mb_pdf_is_refused_with_a_message_and_nothing_is_saved(youth, opening):
    client, _user = youth

    response = _post_cv(client, opening, _pdf_of(3 * MB), message="My words")

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The file is too big. A CV can be 2 MB at most." in page
    assert "My words" in page
    assert _applications() == []


def test_a_file_too_big_to_read_gets_the_apply_page_with_a_message(youth, opening):
    client, _user = youth

    response = _post_cv(client, opening, _pdf_of(6 * MB))

    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The file is too big. A CV can be 2 MB at most (a photo 5 MB)." in page
    assert "<form" in page and 'enctype="multipart/form-data"' in page
    assert _applications() == []


@pytest.fixture
def application_with_cv(make_opening, make_user, make_center):
    center = make_center()
    youth_user = make_user(Role.YOUTH)
    youth_user.youth_profile.center_id = center.id
    employer = make_user(Role.EMPLOYER)
    opening = make_opening(organization=employer.organization)
    application = services.apply(
        opening, youth_user.youth_profile, by=youth_user, cv=CvFile("cv.pdf", PDF)
    )
    db.session.commit()
    return application, youth_user, employer, center


def test_the_people_concerned_download_the_cv_as_an_attachment(app, application_with_cv, make_user):
    from tests.conftest import login

    application, youth_user, employer, center = application_with_cv
    counselor = make_user(Role.COUNSELOR, center_id=center.id)
    for user in (youth_user, employer, counselor, make_user(Role.ADMIN)):
        response = login(app.test_client(), user).get(f"/applications/{application.id}/cv")
        assert response.status_code == 200, user
        assert response.data == PDF
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.mimetype == "application/pdf"


def test_nobody_else_gets_the_cv(app, application_with_cv, make_user):
    from tests.conftest import login

    application, *_ = application_with_cv
    for role in (Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR):
        client = login(app.test_client(), make_user(role))
        assert client.get(f"/applications/{application.id}/cv").status_code == 404
    assert app.test_client().get(f"/applications/{application.id}/cv").status_code == 302


@pytest.fixture(scope="module")
def csrf_app(tmp_path_factory):
    """The app as in production: CSRF on, so the form is read before the view runs."""
    from flask_migrate import upgrade

    from portal import create_app

    instance = tmp_path_factory.mktemp("csrf-cv")
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(instance),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'cv.db'}",
            "SEARCH_INDEX_DIR": str(instance / "search-index"),
            "SECRET_KEY": "csrf-cv",
            "DEFAULT_LANGUAGE": "en",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        }
    )
    with app.app_context():
        upgrade()
    return app


def test_with_csrf_on_a_file_too_big_still_gets_the_friendly_page(csrf_app):
    import re
    from datetime import date, timedelta

    from portal.auth.services import create_user
    from portal.extensions import utcnow
    from portal.jobs.models import Opening, OpeningKind, OpeningStatus
    from portal.orgs.models import Organization
    from portal.youth.models import Gender, YouthProfile
    from tests.conftest import PASSWORD

    with csrf_app.app_context():
        org = Organization(name="Big file org", province_code="12", verified_at=utcnow())
        opening = Opening(
            organization=org,
            ref="BIG-1",
            kind=OpeningKind.JOB,
            title="Driver",
            province_code="12",
            status=OpeningStatus.PUBLISHED,
            published_at=utcnow(),
            closing_date=date.today() + timedelta(days=9),
        )
        user = create_user(role=Role.YOUTH, password=PASSWORD, email="big@example.org")
        db.session.add_all(
            [
                org,
                opening,
                YouthProfile(
                    user_id=user.id,
                    full_name="Big File",
                    gender=Gender.MALE,
                    date_of_birth=date(2001, 1, 1),
                    province_code="12",
                    consent_to_share=True,
                    consent_at=utcnow(),
                ),
            ]
        )
        db.session.commit()
        opening_id = opening.id

    client = csrf_app.test_client()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/login").text)[1]
    client.post(
        "/login", data={"identifier": "big@example.org", "password": PASSWORD, "csrf_token": token}
    )
    page = client.get(f"/openings/{opening_id}/apply").text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]

    response = client.post(
        f"/openings/{opening_id}/apply",
        data={"csrf_token": token, "cv": (io.BytesIO(_pdf_of(6 * MB)), "cv.pdf")},
        content_type="multipart/form-data",
    )

    assert response.status_code == 413
    assert "The file is too big. A CV can be 2 MB at most (a photo 5 MB)." in response.text
    with csrf_app.app_context():
        assert db.session.scalars(select(Application)).all() == []


@pytest.mark.parametrize(
    "make",
    [
        pdfs.with_open_action,
        pdfs.with_names_javascript,
        pdfs.with_page_aa,
        pdfs.with_launch_link,
        pdfs.with_attachment,
        pdfs.with_xfa_form,
        pdfs.with_rich_media,
        pdfs.obfuscated_javascript,
    ],
)
def test_a_pdf_that_runs_something_is_refused(app, make):
    with app.test_request_context():
        problem = cv_problem(CvFile("cv.pdf", make()))
    assert problem.startswith("This PDF contains scripts, actions or attached files")


@pytest.mark.parametrize(
    "make",
    [pdfs.with_open_action, pdfs.with_names_javascript, pdfs.with_page_aa, pdfs.with_attachment],
)
def test_the_parsed_document_is_walked_not_only_its_bytes(make):
    """Names hidden from a byte search (here: renamed after writing) are still found by pypdf."""
    from pypdf import PdfReader

    from portal.placements.pdf_check import _has_active_content

    assert _has_active_content(PdfReader(io.BytesIO(make())))
    assert not _has_active_content(PdfReader(io.BytesIO(PDF)))


@pytest.mark.parametrize(
    "tag", [b"<html>", b"<SCRIPT src=x>", b"<body onload=x>", b"<svg/onload=x>", b"<iframe src=x>"]
)
def test_a_pdf_that_is_also_a_web_page_is_refused(app, tag):
    with app.test_request_context():
        problem = cv_problem(CvFile("cv.pdf", pdfs.polyglot(tag)))
    assert problem.startswith("This PDF also contains web page code")


def test_a_locked_pdf_is_refused_with_a_way_forward(app):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(PDF)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    with app.test_request_context():
        assert "without a password" in cv_problem(CvFile("cv.pdf", out.getvalue()))


def test_a_youth_sending_a_pdf_with_javascript_reads_why_in_khmer(youth, opening):
    client, _user = youth
    client.post("/lang/km")
    response = _post_cv(client, opening, pdfs.with_open_action(), message="My words")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "PDF នេះមានស្គ្រីប" in page
    assert _applications() == []


def test_a_plain_cv_made_by_a_word_processor_still_passes(app):
    with app.test_request_context():
        assert cv_problem(CvFile("Dara CV.pdf", PDF)) is None
        assert cv_problem(CvFile("Dara CV.pdf", pdfs.padded_cv(100_000))) is None
