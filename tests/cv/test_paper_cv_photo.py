"""A photo of a paper CV is accepted when it really is a JPEG or PNG: it is turned upright,
shrunk to 1600 px and saved again without its EXIF, GPS position or comment. A program or a
PDF named like a photo is refused with words the young person understands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PIL.ExifTags import IFD
from sqlalchemy import select
from sqlalchemy.orm import undefer

from portal.auth.models import Role
from portal.cv.photos import LONGEST_SIDE, PhotoRefused, clean_photo
from portal.extensions import db
from portal.placements.models import Application, ApplicationDocument
from tests.conftest import login
from tests.placements import pdfs

# A phone photo of a paper CV held sideways: 2400 x 1800 as stored, EXIF orientation 6, the GPS
# position of a house in Pursat, the phone's make and model, a JPEG comment.
PHOTO = Path(__file__).parent.parent / "fixtures" / "paper_cv_photo.jpg"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"This program"


def _apply(client, opening, data: bytes, name: str):
    return client.post(
        f"/openings/{opening.id}/apply",
        data={"message": "Hello", "cv_choice": "upload", "cv": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _stored() -> ApplicationDocument:
    db.session.expire_all()
    return db.session.scalar(select(ApplicationDocument).options(undefer(ApplicationDocument.data)))


def test_the_fixture_really_carries_gps_and_a_sideways_orientation():
    with Image.open(PHOTO) as original:
        exif = original.getexif()
        assert exif.get_ifd(IFD.GPSInfo)[2] == (12.0, 32.0, 18.5)
        assert exif[0x0112] == 6 and original.size == (2400, 1800)
        assert original.info["comment"]


def test_a_photo_of_a_paper_cv_reaches_the_employer_upright_small_and_without_metadata(
    app, login_as, make_user, make_opening
):
    employer = make_user(Role.EMPLOYER)
    opening = make_opening(organization=employer.organization)
    client, _user = login_as(Role.YOUTH)

    response = _apply(client, opening, PHOTO.read_bytes(), "IMG_2041.JPG")

    assert response.status_code == 302
    document = _stored()
    assert (document.origin, document.content_type) == ("photo", "image/jpeg")
    assert document.filename == "IMG_2041.jpg"
    downloaded = login(app.test_client(), employer).get(
        f"/applications/{document.application_id}/cv"
    )
    assert downloaded.mimetype == "image/jpeg"
    assert downloaded.headers["Content-Disposition"].startswith("attachment")
    with Image.open(io.BytesIO(downloaded.data)) as sent:
        assert sent.format == "JPEG"
        assert sent.size == (1200, LONGEST_SIDE)  # turned upright, then shrunk
        assert len(sent.getexif()) == 0 and not sent.getexif().get_ifd(IFD.GPSInfo)
        assert not {"exif", "comment", "icc_profile", "xmp"} & set(sent.info)
    assert b"Exif" not in downloaded.data and b"Pursat" not in downloaded.data
    assert b"PhoneMaker" not in downloaded.data


def test_a_png_with_transparency_becomes_a_white_jpeg():
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG")

    with Image.open(io.BytesIO(clean_photo(out.getvalue()))) as cleaned:
        assert cleaned.format == "JPEG" and cleaned.size == (400, 300)
        assert cleaned.getpixel((10, 10)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (EXE, "cv.jpg", "named like a photo (JPEG or PNG) but is not one"),
        (pdfs.plain_cv(), "cv.jpg", "named like a photo (JPEG or PNG) but is not one"),
        (EXE, "cv.exe", "not a PDF or a photo"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 300, "cv.jpg", "not a PDF or a photo"),  # cut off
        (PHOTO.read_bytes()[:20_000], "cv.jpg", "not a PDF or a photo"),  # half a photo
    ],
)
def test_what_is_not_a_photo_is_refused_and_nothing_is_sent(
    login_as, make_opening, data, name, words
):
    client, _user = login_as(Role.YOUTH)

    response = _apply(client, make_opening(), data, name)

    assert response.status_code == 400
    assert words in response.get_data(as_text=True)
    assert db.session.scalars(select(Application)).all() == []


def test_a_photo_too_big_to_decode_is_refused_before_it_is_decoded():
    image = Image.new("1", (10_000, 8_000))  # 80 megapixels, a few kilobytes as PNG
    out = io.BytesIO()
    image.save(out, format="PNG")

    with pytest.raises(PhotoRefused) as refused:
        clean_photo(out.getvalue())
    assert refused.value.reason == PhotoRefused.TOO_LARGE
