"""The stylesheet and the Khmer font come from the portal itself, cached for a year, and text
travels compressed: what a phone on a paid data plan downloads."""

import gzip
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
FONT_BUDGET = 120 * 1024  # issue 6: the font, all weights together
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def stylesheet_url(client) -> str:
    html = client.get("/").get_data(as_text=True)
    return re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)


def font_urls(css: str) -> list[str]:
    return re.findall(r"url\(\.\./fonts/([^)]+\.woff2)\)", css)


def test_pages_are_gzipped_for_browsers_that_accept_it(client):
    response = client.get("/", headers=GZIP)
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert "<h1" in gzip.decompress(response.data).decode()


def test_pages_are_plain_for_browsers_that_do_not(client):
    response = client.get("/")
    assert "Content-Encoding" not in response.headers
    assert "<h1" in response.get_data(as_text=True)


def test_the_stylesheet_url_changes_with_its_content_and_is_cached_a_year(client):
    url = stylesheet_url(client)
    assert re.search(r"/static/css/portal\.css\?v=[0-9a-f]{10}$", url)
    response = client.get(url, headers=GZIP)
    assert response.status_code == 200
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] == "gzip"
    assert b"@font-face" in gzip.decompress(response.data)
    response.close()


def test_an_unversioned_static_url_is_not_cached_for_a_year(client):
    response = client.get("/static/css/portal.css")
    assert "max-age=31536000" not in response.headers.get("Cache-Control", "")
    response.close()


def test_a_cached_stylesheet_is_not_downloaded_again(client):
    url = stylesheet_url(client)
    first = client.get(url, headers=GZIP)
    etag = first.headers["ETag"]
    first.close()
    again = client.get(url, headers={**GZIP, "If-None-Match": etag})
    assert again.status_code == 304
    again.close()


def test_the_khmer_font_is_served_by_the_portal_within_budget(client):
    css = (ROOT / "static/css/portal.css").read_text()
    files = font_urls(css)
    assert len(files) == 2  # regular and bold
    total = 0
    for name in files:
        response = client.get(f"/static/fonts/{name}")
        assert response.status_code == 200
        assert response.mimetype == "font/woff2"
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert "Content-Encoding" not in response.headers  # woff2 is compressed already
        total += len(response.data)
        response.close()
    assert total <= FONT_BUDGET, f"fonts weigh {total} bytes"
    assert "unicode-range: U+1780-17FF" in css  # pages in English never download it
    assert not re.search(r"url\((https?:)?//", css)  # nothing from another server


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_the_font_has_every_khmer_letter_the_catalog_uses(weight):
    path = next((ROOT / "static/fonts").glob(f"NotoSansKhmer-{weight}.*.woff2"))
    font = TTFont(path)
    covered = set(font.getBestCmap())
    catalog = (ROOT / "portal/translations/km/LC_MESSAGES/messages.po").read_text()
    khmer = {ord(c) for c in catalog if "\u1780" <= c <= "\u17ff"}
    assert khmer, "the Khmer catalog is empty?"
    missing = sorted(chr(c) for c in khmer - covered)
    assert not missing, f"no glyph for {missing}"
    assert "GSUB" in font and "GPOS" in font  # stacked consonants need their shaping rules
