"""Young people can read Phlov in Khmer: the catalog compiles, keeps every placeholder, and
switching the language shows the pages in Khmer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from portal.extensions import babel
from tests.conftest import login, write_catalog

CATALOG = Path(__file__).resolve().parent.parent / "portal/translations/km/LC_MESSAGES/messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")
KHMER = re.compile(r"[\u1780-\u17ff]")
HEADLINE = "Find a job, an internship or a course near you"


@pytest.fixture(scope="module")
def catalog(app):
    """The Khmer catalog, compiled to the .mo file the app reads (as scripts/start does)."""
    with CATALOG.open("rb") as f:
        catalog = read_po(f, locale="km")
    write_catalog(catalog, CATALOG.with_suffix(".mo"))
    with app.app_context():  # forget translations loaded before this compile
        babel.domain_instance.cache.clear()
    return catalog


def forms(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_the_khmer_catalog_has_one_plural_form(catalog):
    assert catalog.num_plurals == 1
    assert catalog.plural_expr == "0"


def test_every_translation_keeps_its_placeholders(catalog):
    broken = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in forms(message):
            if text and sorted(PLACEHOLDER.findall(text)) != wanted:
                broken.append((source, text))
    assert broken == []


def test_the_catalog_is_mostly_translated(catalog):
    messages = [m for m in catalog if m.id]
    done = [m for m in messages if not m.fuzzy and all(forms(m))]
    assert len(done) >= 0.9 * len(messages), "run scripts/i18n todo and translate what it lists"


def test_switching_to_khmer_shows_the_home_page_in_khmer(catalog, client):
    headline = catalog.get(HEADLINE).string
    assert KHMER.search(headline)

    response = client.post("/lang/km", data={"next": "/"})
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)

    assert '<html lang="km">' in page
    assert headline in page
    assert HEADLINE not in page


@pytest.fixture
def khmer_by_default(app, monkeypatch):
    monkeypatch.setitem(app.config, "DEFAULT_LANGUAGE", "km")  # what load_config gives visitors


def test_a_first_visit_is_in_khmer_even_from_a_phone_set_to_english(khmer_by_default, client):
    page = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="km">' in page


def test_the_choice_of_english_is_remembered_by_the_browser(khmer_by_default, client):
    client.post("/lang/en", data={"next": "/"})
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_a_user_language_follows_them_to_another_browser(khmer_by_default, app, login_as):
    first, user = login_as("youth")
    first.post("/lang/en", data={"next": "/"})
    other = login(app.test_client(), user)
    assert '<html lang="en">' in other.get("/").get_data(as_text=True)


def test_the_api_follows_the_accept_language_header(khmer_by_default, client):
    response = client.get("/api/v1/openings?province=Nowhere", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert not KHMER.search(response.get_json()["error"])


def test_visitors_get_khmer_unless_configured_otherwise(tmp_path, monkeypatch):
    from portal.config import load_config

    monkeypatch.delenv("DEFAULT_LANGUAGE", raising=False)
    assert load_config(str(tmp_path))["DEFAULT_LANGUAGE"] == "km"
