"""Someone pastes NUL or a right-to-left override (U+202E, which shows "fdp.exe" as "exe.pdf")
into a title, a JSON body or a spreadsheet: it is stored without them. Khmer text keeps its
zero-width spaces and joiners, which are how Khmer marks word breaks."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth.models import Role
from portal.auth.tokens import issue_token
from portal.clean_input import clean_json, clean_text
from portal.csvimport import read_csv
from portal.extensions import db
from portal.jobs.models import Opening
from portal.placements.models import Application
from tests.jobs.payloads import opening_payload

KHMER = "ជាង\u200bកាត់\u200bដេរ ស្រ\u200dី\u200c"  # "tailor": ZWSP between words, ZWJ, ZWNJ
DIRTY = "Sewing\x00 machine \u202eoperator\u2066\u2069\u200f\x1b"


def test_clean_text_removes_controls_and_overrides_but_keeps_khmer_and_lines():
    assert clean_text(DIRTY) == "Sewing machine operator"
    assert clean_text(KHMER) == KHMER
    assert clean_text("line one\r\nline\ttwo") == "line one\r\nline\ttwo"
    assert clean_json({"a\x00": [DIRTY, 3, None, {"b": "\u202dx"}]}) == {
        "a": ["Sewing machine operator", 3, None, {"b": "x"}]
    }


def test_a_posted_title_is_stored_clean_and_khmer_survives(login_as):
    client, _ = login_as(Role.EMPLOYER)
    payload = opening_payload(title=DIRTY, description=f"{KHMER}\u202e\x00")
    response = client.post("/openings/new", data=payload)
    assert response.status_code == 302
    opening = db.session.scalars(select(Opening)).one()
    assert opening.title == "Sewing machine operator"
    assert opening.description == KHMER
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "\u202e" not in page and "\x00" not in page


def test_a_json_body_is_stored_clean(app, make_user, make_opening, make_youth):
    counselor = make_user(Role.COUNSELOR)
    youth = make_youth(center_id=counselor.center_id)
    opening = make_opening()
    token = issue_token(counselor)
    db.session.commit()
    body = {"opening_id": opening.id, "youth_id": youth.id, "note": f"Good\x00 fit \u202e{KHMER}"}
    response = app.test_client().post(
        "/api/v1/applications", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 201, response.get_json()
    db.session.expire_all()
    assert db.session.scalars(select(Application)).one().referral_note == f"Good fit {KHMER}"


def test_a_csv_import_reads_cells_clean(tmp_path):
    path = tmp_path / "youth.csv"
    path.write_text(f"name,skills\n\u202eDara\u202c,{KHMER}\u2067\n", encoding="utf-8")
    row = read_csv(path, required=("name", "skills")).rows[0]
    assert row.value("name") == "Dara"
    assert row.value("skills") == KHMER


def test_a_search_typed_with_an_override_finds_the_opening(client, make_opening, reindex):
    make_opening(title="Sewing machine operator")
    reindex()
    page = client.get("/openings", query_string={"q": "\u202esewing\x00"}).get_data(as_text=True)
    assert "Sewing machine operator" in page
    assert "\u202e" not in page


def test_an_uploaded_file_is_not_touched_by_the_cleaning(login_as, make_opening):
    """Files are bytes, not text: a CV keeps every byte (the CV check judges it)."""
    import io

    from tests.placements import pdfs

    client, _ = login_as(Role.YOUTH)
    opening = make_opening()
    cv = pdfs.plain_cv()
    data = {"message": "Hello\u202e", "cv": (io.BytesIO(cv), "cv.pdf", "application/pdf")}
    response = client.post(
        f"/openings/{opening.id}/apply", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 302
    application = db.session.scalars(select(Application)).one()
    assert application.cv.data == cv
    assert application.message == "Hello"
