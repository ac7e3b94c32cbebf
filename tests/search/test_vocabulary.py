"""The occupation vocabulary is a data file anyone may edit: these tests keep it sound."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

from portal.search.vocabulary import (
    VOCABULARY_FILE,
    all_terms,
    concepts,
    concepts_of,
    fold,
    synonyms_of,
)

KHMER = re.compile(r"[\u1780-\u17FF]")
INVISIBLE = re.compile(r"[\u200B\u200C\u200D\u2060\uFEFF\u00AD]")
SECTORS = {
    "garment",
    "hospitality",
    "retail",
    "finance",
    "office",
    "it",
    "repair",
    "factory",
    "construction",
    "agriculture",
    "beauty",
    "driving",
    "logistics",
    "food",
    "care",
    "security",
    "cleaning",
    "teaching",
    "languages",
    "tourism",
    "general",  # words of any trade: repair, course, internship
}
# Terms deliberately shared by two concepts: (term, concept, concept). None so far; add one here
# only when a word truly names both trades, never to silence the test.
SHARED_TERMS: set[tuple[str, str, str]] = set()


def _rows() -> list[dict[str, str]]:
    with open(VOCABULARY_FILE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_file_has_the_documented_columns_and_parses():
    rows = _rows()
    assert list(rows[0]) == ["concept", "sector", "english", "khmer", "misspellings", "isco"]
    assert all(None not in row and None not in row.values() for row in rows)
    assert len(concepts()) == len(rows)


def test_there_are_enough_concepts_with_unique_ids_in_known_sectors():
    ids = [concept.id for concept in concepts()]
    assert len(ids) >= 140
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", concept_id) for concept_id in ids)
    assert {concept.sector for concept in concepts()} <= SECTORS


def test_each_concept_has_english_and_khmer_terms_and_none_empty():
    for concept in concepts():
        assert concept.english, concept.id
        assert concept.khmer, concept.id
        for term in concept.terms + concept.misspellings:
            assert term.strip() == term and term, concept.id


def test_khmer_terms_are_khmer_and_english_terms_are_not():
    for concept in concepts():
        assert all(KHMER.search(term) for term in concept.khmer), concept.id
        assert not any(KHMER.search(term) for term in concept.english), concept.id


def test_no_invisible_characters_anywhere():
    assert not INVISIBLE.search(VOCABULARY_FILE.read_text(encoding="utf-8"))


def test_no_term_belongs_to_two_concepts_unless_allowed():
    owners: dict[str, set[str]] = defaultdict(set)
    for concept in concepts():
        for term in concept.terms + concept.misspellings:
            owners[fold(term)].add(concept.id)
    shared = {(term, *sorted(ids)) for term, ids in owners.items() if len(ids) > 1}
    assert shared <= SHARED_TERMS, shared - SHARED_TERMS


def test_moto_repair_and_motorbike_mechanic_are_synonyms():
    assert "motorbike mechanic" in synonyms_of("moto repair")
    assert "moto repair" in synonyms_of("Motorbike Mechanic")
    assert "ជាងជួសជុលម៉ូតូ" in synonyms_of("MOTO REPAIR")


def test_khmer_tailor_finds_sewing_machine_operator_and_back():
    assert "sewing machine operator" in synonyms_of("ជាងកាត់ដេរ")
    assert "ជាងកាត់ដេរ" in synonyms_of("sewing machine operator")


def test_a_misspelling_finds_the_concept_but_is_not_a_synonym():
    assert "receptionist" in synonyms_of("recepsionist")
    assert "recepsionist" not in synonyms_of("receptionist")
    assert "recepsionist" not in all_terms()


def test_unknown_words_have_no_synonyms():
    assert synonyms_of("astronaut") == set()
    assert synonyms_of("") == set()
    assert concepts_of("   ") == ()


def test_unrelated_trades_stay_apart():
    assert "welder" not in synonyms_of("electrician")
    assert "motorbike spare parts seller" not in synonyms_of("motorbike mechanic")
    assert "cook" not in synonyms_of("waiter")


def test_all_terms_are_folded_and_cover_both_languages():
    terms = all_terms()
    assert "motorbike mechanic" in terms and "ជាងជួសជុលម៉ូតូ" in terms
    assert all(term == fold(term) for term in terms)
