"""Suggestions as you type: after 3 letters the search box asks /api/v1/openings/suggest and
lists up to 5 openings, typos forgiven, Khmer too. The page still works without JavaScript, and
the script stays small."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from portal.jobs.models import OpeningStatus

SCRIPT = Path(__file__).resolve().parents[2] / "static" / "js" / "search.js"


@pytest.fixture
def town(make_opening, make_org, reindex):
    openings = {
        "mechanic": make_opening(title="Motorbike Mechanic", skills=["motorbike repair"]),
        "receptionist": make_opening(title="Receptionist", skills=["customer service"]),
        "sewing": make_opening(title="ជាងកាត់ដេរ", skills=["កាត់ដេរ"]),
        "draft": make_opening(title="Motorbike Washer draft", status=OpeningStatus.DRAFT),
        "hidden": make_opening(title="Motorbike Seller", organization=make_org(verified=False)),
    }
    reindex()
    return openings


def suggest(client, text: str) -> list[dict]:
    response = client.get("/api/v1/openings/suggest", query_string={"q": text})
    assert response.status_code == 200
    return response.get_json()["suggestions"]


def test_a_typo_still_suggests_the_opening(client, town):
    found = suggest(client, "mechanc")
    assert found == [{"title": "Motorbike Mechanic", "url": f"/openings/{town['mechanic'].id}"}]


def test_a_word_half_typed_is_completed(client, town):
    assert [s["title"] for s in suggest(client, "moto")] == ["Motorbike Mechanic"]
    assert [s["title"] for s in suggest(client, "recep")] == ["Receptionist"]


def test_fewer_than_three_letters_suggest_nothing(client, town):
    assert suggest(client, "mo") == []
    assert suggest(client, "  m o ") == []
    assert suggest(client, "") == []


def test_khmer_words_are_suggested(client, town):
    assert [s["title"] for s in suggest(client, "កាត់ដេរ")] == ["ជាងកាត់ដេរ"]
    assert [s["title"] for s in suggest(client, "ជាងកាត់")] == ["ជាងកាត់ដេរ"]


def test_only_public_openings_and_at_most_five(client, make_opening, reindex):
    for n in range(8):
        make_opening(title=f"Cook {n}", skills=["cooking"])
    make_opening(title="Cook in a draft", status=OpeningStatus.DRAFT)
    reindex()
    found = suggest(client, "cook")
    assert len(found) == 5
    assert all("draft" not in s["title"] for s in found)


def test_hidden_openings_are_never_suggested(client, town):
    titles = [s["title"] for s in suggest(client, "motorbike")]
    assert titles == ["Motorbike Mechanic"]


def test_garbage_and_long_text_are_answered_calmly(client, town):
    assert suggest(client, "'; DROP TABLE opening; -- <script>") == []
    assert isinstance(suggest(client, "moto " * 200), list)


def test_answers_may_be_cached_a_little(client, town):
    response = client.get("/api/v1/openings/suggest?q=moto")
    assert "max-age=60" in response.headers["Cache-Control"]


def test_the_search_page_loads_the_script_deferred_and_works_without_it(client, town):
    html = client.get("/openings?q=mechanc").get_data(as_text=True)
    assert re.search(r'<script src="/static/js/search\.js\?v=\w+" defer></script>', html)
    assert "Motorbike Mechanic" in html  # the form's own answer, without JavaScript
    assert 'data-suggest="/api/v1/openings/suggest"' in html


def test_the_script_is_small():
    size = len(gzip.compress(SCRIPT.read_bytes(), compresslevel=9))
    print(f"search.js: {SCRIPT.stat().st_size} B, {size} B gzip")
    assert size < 3 * 1024
