"""portal.khmer: Khmer digits both ways, one for one, and the script test."""

from __future__ import annotations

import pytest

from portal.khmer import has_khmer, has_khmer_digit, is_khmer_letter, khmer_digits, latin_digits


def test_digits_change_script_one_for_one():
    assert latin_digits("០១២៣៤៥៦៧៨៩") == "0123456789"
    assert khmer_digits("0123456789") == "០១២៣៤៥៦៧៨៩"
    mixed = "ថ្ងៃទី ១២ at 09:30"
    assert latin_digits(mixed) == "ថ្ងៃទី 12 at 09:30"
    assert len(latin_digits(mixed)) == len(mixed)  # positions stay where they were
    assert khmer_digits(latin_digits(mixed)) == "ថ្ងៃទី ១២ at ០៩:៣០"


@pytest.mark.parametrize(
    ("text", "khmer"),
    [("ជួសជុលម៉ូតូ", True), ("Phnom Penh ភ្នំពេញ", True), ("motorbike repair", False), ("", False)],
)
def test_khmer_script_is_detected(text, khmer):
    assert has_khmer(text) is khmer


def test_digits_and_punctuation_are_not_letters():
    assert is_khmer_letter("ក") and is_khmer_letter("\u17d2")  # a letter, the subscript sign
    assert not is_khmer_letter("១") and not is_khmer_letter("។")
    assert has_khmer_digit("លេខ ០១២") and not has_khmer_digit("012")
