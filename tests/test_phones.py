"""portal.phones: one number however it is written; what is not a number is said so; how a
number is stored, shown, dialled, searched and found in free text."""

from __future__ import annotations

import pytest

from portal import phones

WRITTEN = [
    "+855 (0)12 345 678",
    "012-345-678",
    "០១២ ៣៤៥ ៦៧៨",
    "+85512345678",
    "855 12 345 678",
    "00855 12 345 678",
    "(012) 345 678",
    "(+855) 12 345 678",
    "012.345.678",
    "12345678",  # the 0 left out, as after +855
    "+៨៥៥ ១២ ៣៤៥ ៦៧៨",
]


@pytest.mark.parametrize("typed", WRITTEN)
def test_every_written_form_is_one_stored_number(typed):
    assert phones.normalize(typed) == "012345678"
    assert phones.e164(typed) == "+85512345678"
    assert phones.display(typed) == "012 345 678"
    assert phones.tel_href(typed) == "tel:+85512345678"
    assert phones.looks_like_phone(typed)
    assert phones.match_key(typed) == "012345678"
    assert phones.search_digits(typed) == "012345678"


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("097 123 4567", "0971234567", "097 123 4567"),
        ("+855 (0)97 123 4567", "0971234567", "097 123 4567"),
        ("023 881 234", "023881234", "023 881 234"),  # a Phnom Penh line
        ("053 952 123", "053952123", "053 952 123"),  # a Battambang line
    ],
)
def test_mobiles_of_ten_digits_and_landlines(typed, stored, shown):
    assert phones.normalize(typed) == stored
    assert phones.display(stored) == shown


@pytest.mark.parametrize(
    "typed",
    [
        "call us",
        "",
        None,
        "012 345",  # too short
        "012 345 678 9012",  # too long
        "023 123 456",  # no such Phnom Penh line
        "0012345678",  # the old normaliser's "+855 (0)..." mistake
        "dara@example.org",
        "012 345 678 (demo)",
        "+66 81 234 5678",  # a Thai number is not a Cambodian login
    ],
)
def test_what_is_not_a_cambodian_number_is_refused(typed):
    assert phones.normalize(typed) is None
    assert not phones.is_phone(typed)
    assert not phones.looks_like_phone(typed)


def test_a_number_abroad_only_where_one_is_allowed_and_in_e164():
    assert phones.normalize("+66 81 234 5678", abroad=True) == "+66812345678"
    assert phones.display("+66812345678") == "+66 81 234 5678"
    assert phones.tel_href("+66812345678") == "tel:+66812345678"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1288", "1288"), ("១២៨៨", "1288"), ("117", "117"), ("+855 12 345 678", "012345678")],
)
def test_a_hotline_is_a_number_or_a_short_code(typed, stored):
    assert phones.normalize_hotline(typed) == stored
    assert phones.tel_href(stored) == (
        "tel:+85512345678" if stored == "012345678" else f"tel:{stored}"
    )


@pytest.mark.parametrize("typed", ["call us", "12", "99999", "hotline 1288"])
def test_what_no_one_can_call_is_not_a_hotline_and_gets_no_link(typed):
    assert phones.normalize_hotline(typed) is None
    assert phones.tel_href(typed) is None
    assert phones.display(typed) == typed  # shown as it was written


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("+855 12 345", "012345"),
        ("+855 (0)12 34", "01234"),
        ("៣៤៥ ៦៧៨", "345678"),
        ("345-678", "345678"),
        ("Dara", None),
        ("12", None),
        ("SR-1", None),
    ],
)
def test_part_of_a_number_is_searched_as_it_is_stored(typed, digits):
    assert phones.search_digits(typed) == digits


def test_a_number_that_is_not_valid_still_has_a_key_to_compare():
    # A bad contact stored before numbers were checked is still found.
    assert phones.match_key("+855 76 334 688") == phones.match_key("076 334 688") == "076334688"


@pytest.mark.parametrize(
    "text",
    [
        "Call ០១២ ៣៤៥ ៦៧៨ now",
        "Call +855 (0)12 345 678 now",
        "Call 012-345-678 now",
        "Call 00855 12 345 678 now",
    ],
)
def test_a_number_is_found_in_free_text_with_its_exact_place(text):
    [(start, end)] = phones.find_in_text(text)
    assert text[:start] == "Call " and text[end:] == " now"
    assert phones.match_key(text[start:end]) == "012345678"


@pytest.mark.parametrize(
    "text", ["born 2009-03-12", "pay $250 a month", "300,000 riel", "grade 12", "2019-2021"]
)
def test_dates_and_amounts_are_not_numbers_in_free_text(text):
    assert list(phones.find_in_text(text)) == []
