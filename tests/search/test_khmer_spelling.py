"""Khmer as people write it (issue 16): the list of letters writers confuse is sound, and a
query written the way many people write finds what the usual spelling finds, with "did you
mean". The engine stories run on small indexes built here (tests/search/test_engine.py)."""

from __future__ import annotations

import re
import tomllib

import pytest

from portal.search.analysis import fold
from portal.search.khmer_spelling import SPELLING_FILE, expressions
from tests.search.test_engine import Index

KHMER = re.compile(r"^[\u1780-\u17ff]+$")


@pytest.fixture(scope="module")
def spelling() -> dict:
    with open(SPELLING_FILE, "rb") as f:
        return tomllib.load(f)


def test_every_rule_is_khmer_says_why_and_gives_an_example(spelling):
    rules = spelling["group"] + spelling["optional"]
    assert len(spelling["group"]) >= 10 and len(spelling["optional"]) >= 4
    for rule in rules:
        assert rule["why"].strip(), rule
        typed, usual = rule["example"]
        assert KHMER.match(typed) and KHMER.match(usual) and typed != usual, rule
    for group in spelling["group"]:
        assert len(group["letters"]) >= 2 and all(KHMER.match(x) for x in group["letters"])
    assert all(KHMER.match(o["mark"]) for o in spelling["optional"])


def test_a_letter_belongs_to_one_group_only(spelling):
    seen: dict[str, int] = {}
    for n, group in enumerate(spelling["group"]):
        for letter in group["letters"]:
            assert seen.setdefault(letter, n) == n, f"{letter} is in two groups"


def test_each_example_reads_alike_and_the_file_cites_its_sources(spelling):
    of = expressions().of
    for rule in spelling["group"] + spelling["optional"]:
        typed, usual = rule["example"]
        assert of(fold(typed)) == of(fold(usual)), rule["example"]
    header = SPELLING_FILE.read_text(encoding="utf-8").split("[[group]]")[0]
    for source in ("Chea Sok Huor", "arXiv 2411.10477", "arXiv 2511.09812", "SIL"):
        assert source in header


def test_letters_of_different_groups_do_not_read_alike():
    of = expressions().of
    assert of("ដេរ") != of("ដេក")  # sew / sleep
    assert of("កាត់សក់") != of("កាត់ដេរ")  # a haircut is not sewing


@pytest.fixture
def town(tmp_path) -> Index:
    """A small town's openings: sewing in Khmer and English, a barber, cooks, a receptionist."""
    index = Index(tmp_path)
    index.add("ជាងកាត់ដេរ", description="រោងចក្រកាត់ដេរ ត្រូវការកម្មករ")
    index.add("Sewing Machine Operator")
    index.add("ជាងកាត់សក់", description="កាត់សក់បុរស ហើយកក់សក់ដែរ")
    index.add("ចុងភៅ ភោជនីយដ្ឋាន")
    index.add("Cook")
    index.add("Hotel Receptionist")
    index.add("Baker")
    return index


def test_kat_der_misspelled_finds_the_sewing_jobs_first_and_says_did_you_mean(town):
    """The issue's example: កាត់ដែរ listed hairdressers first and offered no "did you mean"."""
    result = town.search("កាត់ដែរ")

    assert [town.titles[i] for i in result.ids] == ["ជាងកាត់ដេរ", "Sewing Machine Operator"]
    assert result.did_you_mean == "កាត់ដេរ"


@pytest.mark.parametrize(
    ("typed", "meant", "found"),
    [
        ("ចុងភោ", "ចុងភៅ", {"ចុងភៅ ភោជនីយដ្ឋាន", "Cook"}),  # vowel ោ for ៅ
        ("អ្នកទទូលភ្ញៀវ", "អ្នកទទួលភ្ញៀវ", {"Hotel Receptionist"}),  # ូ for ួ, English ad
        ("ចុងភ", "ចុងភៅ", {"ចុងភៅ ភោជនីយដ្ឋាន", "Cook"}),  # a letter left out
        ("ជាងកាត់សក", "ជាងកាត់សក់", {"ជាងកាត់សក់"}),  # ់ left out
    ],
)
def test_a_khmer_word_written_as_people_write_it_finds_its_openings(town, typed, meant, found):
    result = town.search(typed)

    assert {town.titles[i] for i in result.ids} == found
    assert result.did_you_mean == meant


def test_only_the_misspelled_words_of_a_longer_query_are_replaced_in_did_you_mean(town):
    result = town.search("ត្រូវការជាងកាត់ដែរ Sewing")

    assert result.did_you_mean == "ត្រូវការជាងកាត់ដេរ sewing"
    assert {town.titles[i] for i in result.ids} == {"ជាងកាត់ដេរ", "Sewing Machine Operator"}


def test_words_written_the_usual_way_are_never_corrected(town):
    for text in ("កាត់ដេរ", "ជាងកាត់សក់", "ចុងភៅ", "ដេរ", "ការងារទូទៅ", "food and beverage"):
        assert town.search(text).did_you_mean is None, text
    assert {town.titles[i] for i in town.search("កាត់សក់").ids} == {"ជាងកាត់សក់"}


def test_a_short_english_word_with_a_letter_missing_finds_its_word(town):
    assert town.found("bakr") == ["Baker"]
    assert town.search("bakr").did_you_mean == "baker"
    assert "Cook" in town.found("coo")
    assert town.found("bat") == []  # "boat" is a vocabulary word no opening here uses
    assert town.found("ba") == []  # two letters are too few to guess from
