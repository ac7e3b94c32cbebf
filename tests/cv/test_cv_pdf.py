"""The CV as a PDF: one A4 page even for the longest profile, Khmer shaped by HarfBuzz (its
glyphs for stacked consonants are in the file), text that copies back out, and a clear page,
not a crash, when the server lacks the fonts."""

from __future__ import annotations

import io
import logging
import re

import pytest
from pypdf import PdfReader

from portal.auth.models import Role
from portal.cv.content import build_cv
from portal.cv.pdf import render_pdf
from tests.cv.helpers import add_school, add_work, fill_to_the_brim

COENG = "\u17d2"  # the Khmer sign that puts the next consonant under the one before
CONTROL = re.compile(r"[\x00-\x1f]")
GLYPH_TEXT = re.compile(r"^<[0-9A-Fa-f]{4}> <([0-9A-Fa-f]+)>$", re.MULTILINE)


@pytest.fixture
def youth(login_as, cv_fonts):
    client, user = login_as(Role.YOUTH)
    profile = user.youth_profile
    profile.full_name = "សុខ ស្រីនាង"
    profile.skills = ["motorbike repair", "sewing"]
    profile.languages = ["km", "en"]
    add_work(profile, what="ជួយការងារកសិដ្ឋានគ្រួសារ", place="ស្រុកបាកាន", start_year=2019)
    add_school(profile, start_year=2013, end_year=2019)
    return client, profile


def _pdf(response) -> PdfReader:
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment")
    return PdfReader(io.BytesIO(response.data))


def _text(reader: PdfReader) -> str:
    """The page's text as pypdf reads it. fpdf2 gives the second glyph of some shaped clusters
    no text (a known limit of its ToUnicode map, py-pdf/fpdf2#1187): pypdf writes those as
    control characters, dropped here."""
    return CONTROL.sub("", reader.pages[0].extract_text())


def _shaped_glyphs(reader: PdfReader) -> list[str]:
    """The text of each glyph that stands for several characters (HarfBuzz's clusters, such
    as a consonant with its subscript), read from the fonts' ToUnicode maps."""
    shaped = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode()
        for glyph_text in GLYPH_TEXT.findall(cmap):
            text = bytes.fromhex(glyph_text).decode("utf-16-be")
            if len(text) > 1:
                shaped.append(text)
    return shaped


def test_the_khmer_pdf_is_one_page_of_shaped_khmer_that_copies_back(youth):
    client, profile = youth

    reader = _pdf(client.get(f"/youth/{profile.id}/cv.pdf?lang=km"))

    assert len(reader.pages) == 1
    fonts = {font["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any(name.endswith("NotoSansKhmer") for name in fonts)
    assert any(COENG in glyph for glyph in _shaped_glyphs(reader))
    text = _text(reader)
    for words in ("សុខ ស្រីនាង", "ជួសជុលម៉ូតូ", "២០១៩", "ជំនាញ"):
        assert words in text, words


def test_the_english_pdf_keeps_a_khmer_name_and_english_words(youth):
    client, profile = youth

    text = _text(_pdf(client.get(f"/youth/{profile.id}/cv.pdf?lang=en")))

    assert "Work experience" in text and "Stopped in grade 9" in text
    assert "2013 – 2019" in text
    assert "សុខ ស្រីនាង" in text


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_longest_profile_still_fits_one_page(app, make_youth, language, cv_fonts):
    youth = make_youth(full_name="Chanthou Sreyleak Vannarith")
    fill_to_the_brim(youth)
    with app.test_request_context():
        content = build_cv(youth, language)
        data = render_pdf(content, app.config["CV_FONT_DIR"])

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert len(content.work) == 8 and len(content.schooling) == 8
    assert "Chanthou Sreyleak Vannarith" in _text(reader)


def test_without_its_fonts_the_pdf_page_says_so_and_the_log_too(app, youth, tmp_path, caplog):
    client, profile = youth
    app.config["CV_FONT_DIR"], saved = str(tmp_path), app.config["CV_FONT_DIR"]
    try:
        with caplog.at_level(logging.ERROR):
            response = client.get(f"/youth/{profile.id}/cv.pdf?lang=km")
    finally:
        app.config["CV_FONT_DIR"] = saved

    assert response.status_code == 503
    assert "missing the fonts" in response.get_data(as_text=True)
    assert "NotoSansKhmer-Regular.ttf" in caplog.text
