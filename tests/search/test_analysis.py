"""How openings' and queries' text becomes index terms: Khmer cut into words, English folded."""

import pytest
from whoosh.fields import Schema

from portal.search.analysis import stem, terms, text_analyzer
from portal.search.schema import build_schema


def test_a_khmer_word_inside_a_longer_khmer_title_is_a_term_of_its_own():
    title = "ត្រូវការជាងកាត់ដេរ ២០នាក់"  # "needed: 20 sewing workers", written without spaces

    assert "កាត់ដេរ" in terms(title)
    assert terms("កាត់ដេរ") == ["កាត់ដេរ"]


def test_mixed_khmer_and_english_titles_give_terms_in_both_languages():
    found = terms("ជាងកាត់ដេរ Sewing Machine Operators (ភ្នំពេញ)")

    assert {"កាត់ដេរ", "sewing", "machine", "operator", "ភ្នំពេញ"} <= set(found)


def test_zero_width_spaces_from_khmer_keyboards_change_nothing():
    assert terms("ជាង\u200bកាត់\u200bដេរ") == terms("ជាងកាត់ដេរ")
    assert terms("Café\u200bWaiter") == ["cafe", "waiter"]


def test_case_accents_and_khmer_digits_are_folded():
    assert terms("CAFÉ Crème") == ["cafe", "creme"]
    assert terms("ប្រាក់ខែ ៣០០") == [*terms("ប្រាក់ខែ"), "300"]


def test_plural_endings_are_dropped_but_words_ending_in_s_are_kept():
    assert stem("mechanics") == "mechanic"
    assert stem("companies") == "company"
    assert stem("watches") == "watch"
    assert [stem(w) for w in ("business", "bus", "gas", "analysis")] == [
        "business",
        "bus",
        "gas",
        "analysis",
    ]
    assert terms("Motorbike Mechanics") == terms("motorbike mechanic")


def test_single_letters_and_punctuation_are_not_terms():
    assert terms("T-shirt & cap, e.g.") == ["shirt", "cap"]


def test_the_index_schema_analyzes_every_text_field_this_way():
    schema = build_schema()
    for name in ("title", "skills", "organization", "description"):
        analyzer = schema[name].analyzer
        assert [t.text for t in analyzer("Sewing ជាងកាត់ដេរ")] == terms("Sewing ជាងកាត់ដេរ")


def test_the_analyzer_can_be_stored_in_an_index_schema_and_read_back():
    import pickle

    schema = Schema(title=build_schema()["title"])
    again = pickle.loads(pickle.dumps(schema))

    assert [t.text for t in again["title"].analyzer("Mechanics")] == ["mechanic"]
    assert text_analyzer() == again["title"].analyzer


def test_words_that_say_nothing_are_not_indexed_but_it_is():
    analyzer = build_schema()["title"].analyzer

    assert [t.text for t in analyzer("The cook and the waiters wanted")] == ["cook", "waiter"]
    assert [t.text for t in analyzer("IT support")] == ["it", "support"]


@pytest.mark.parametrize(
    ("typed", "usual"),
    [
        ("ជាងភ្លេីង", "ជាងភ្លើង"),  # េ + ី typed for ើ: the same on screen
        ("\u1785\u17c1\u17b6", "\u1785\u17c4"),  # េ + ា typed for ោ
        ("គ្រូបងៀ្រន", "គ្រូបង្រៀន"),  # the vowel typed before its subscript
        ("ស្រ្តី", "ស្ត្រី"),  # subscript RO typed before the other subscript
        ("ជាងមូ៉តូ", "ជាងម៉ូតូ"),  # ៉ typed after the vowel
        ("ម៉ាសុីន", "ម៉ាស៊ីន"),  # ុ typed for ៊ under an upper vowel (a-series)
        ("ប៊ុនមុីង", "ប៊ុនម៉ីង"),  # ...and for ៉ (o-series)
        ("ចាំា", "ចាំ"),  # a mark typed twice
    ],
)
def test_khmer_typed_in_another_order_gives_the_same_terms(typed, usual):
    assert terms(typed) == terms(usual)


def test_khmer_spelled_differently_is_not_folded_at_index_time():
    """Letters that are only read alike (ដែរ / ដេរ) stay apart in the index: the query side
    decides (khmer_spelling.py), so an opening's own words are never changed."""
    assert terms("ដែរ") != terms("ដេរ")
