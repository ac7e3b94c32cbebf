"""Amounts and skill names the way the reader reads them: a dollar salary also in riel (and riel
also in dollars), at the configured rate; skills the vocabulary knows in the reader's language."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from portal.i18n import salary_range, skill_name


@pytest.fixture
def rate(app, monkeypatch):
    monkeypatch.setitem(app.config, "KHR_PER_USD", 4100)


def test_a_dollar_salary_also_shows_about_as_much_in_riel(ctx, rate):
    assert salary_range(200, 250, "USD") == "$200–$250 (≈ 820,000–1,025,000៛)"
    assert salary_range(180, None, "USD") == "$180+ (≈ 738,000៛+)"
    assert salary_range(None, 300, "USD") == "$300 (≈ 1,230,000៛)"
    assert salary_range(None, None, "USD") == ""


def test_a_riel_salary_also_shows_about_as_much_in_dollars(ctx, rate):
    assert salary_range(800_000, 1_000_000, "KHR") == "800,000–1,000,000៛ (≈ $195–$244)"
    assert salary_range(600_000, 600_000, "KHR") == "600,000៛ (≈ $146)"


def test_riel_are_rounded_to_the_smallest_note(ctx, rate):
    assert salary_range(123, None, "USD") == "$123+ (≈ 504,300៛+)"


def test_the_rate_comes_from_the_configuration(ctx, app, monkeypatch):
    monkeypatch.setitem(app.config, "KHR_PER_USD", 4000)
    assert salary_range(200, None, "USD") == "$200+ (≈ 800,000៛+)"


def test_the_rate_can_be_set_in_the_environment(tmp_path, monkeypatch):
    from portal.config import ConfigError, load_config

    monkeypatch.setenv("KHR_PER_USD", "4050")
    assert load_config(str(tmp_path))["KHR_PER_USD"] == 4050
    monkeypatch.delenv("KHR_PER_USD")
    assert load_config(str(tmp_path))["KHR_PER_USD"] == 4100
    monkeypatch.setenv("KHR_PER_USD", "a lot")
    with pytest.raises(ConfigError):
        load_config(str(tmp_path))


def test_cards_and_the_opening_page_show_both_amounts(client, make_opening, reindex):
    opening = make_opening(
        title="Motorbike Mechanic", salary_min=200, salary_max=250, currency="USD"
    )
    reindex()
    assert "$200–$250 (≈ 820,000–1,025,000៛)" in client.get("/openings").get_data(as_text=True)
    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "$200–$250 (≈ 820,000–1,025,000៛)" in page


@pytest.mark.parametrize(
    ("skill", "khmer", "english"),
    [
        ("motorbike repair", "ជួសជុលម៉ូតូ", "motorbike repair"),
        ("Motorbike Mechanic", "ជាងជួសជុលម៉ូតូ", "Motorbike Mechanic"),
        ("sewing", "កាត់ដេរ", "sewing"),
        ("cooking", "ធ្វើម្ហូប", "cooking"),
        ("ជួសជុលម៉ូតូ", "ជួសជុលម៉ូតូ", "moto repair"),
        ("ចុងភៅ", "ចុងភៅ", "cook"),
        ("kat der", "កាត់ដេរ", "sewing"),  # romanized Khmer the vocabulary knows
        ("Tuk-tuk painting", "Tuk-tuk painting", "Tuk-tuk painting"),  # unknown: as written
    ],
)
def test_skills_are_named_in_the_readers_language(app, skill, khmer, english):
    with app.test_request_context(), force_locale("km"):
        assert skill_name(skill) == khmer
    with app.test_request_context(), force_locale("en"):
        assert skill_name(skill) == english


def test_a_khmer_reader_sees_the_skills_of_a_card_in_khmer(client, make_opening, reindex):
    make_opening(title="Motorbike Mechanic", skills=["motorbike repair", "Tuk-tuk painting"])
    reindex()
    client.post("/lang/km", data={"next": "/"})
    html = client.get("/openings").get_data(as_text=True)
    assert "ជួសជុលម៉ូតូ" in html and "motorbike repair" not in html
    assert "Tuk-tuk painting" in html
    client.post("/lang/en", data={"next": "/"})
    assert "motorbike repair" in client.get("/openings").get_data(as_text=True)


def test_the_opening_page_names_its_skills_in_the_readers_language(client, make_opening):
    opening = make_opening(title="Cook", skills=["cooking", "ជួសជុលម៉ូតូ"])
    client.post("/lang/km", data={"next": "/"})
    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "<li>ធ្វើម្ហូប</li>" in page and "<li>ជួសជុលម៉ូតូ</li>" in page
    client.post("/lang/en", data={"next": "/"})
    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "<li>cooking</li>" in page and "<li>moto repair</li>" in page
