"""What a minor writes to an employer: contact details and birth dates are hidden, the rest
of her words (pay, years, grades) stay as she wrote them."""

import pytest

from portal.privacy.masking import has_personal, mask

HIDDEN = [
    "012 345 678",
    "012345678",
    "012-345-678",
    "012.345.678",
    "(012) 345 678",
    "097 1234 567",
    "0883456789",
    "+855 12 345 678",
    "+85512345678",
    "855 12 345 678",
    "00855 12 345 678",
    "+855 (0)12 345 678",
    "០១២ ៣៤៥ ៦៧៨",
    "០៩៧១២៣៤៥៦៧",
    "+៨៥៥ ៩៧ ១២៣ ៤៥៦៧",
    "sokha.keo@gmail.com",
    "sokha @ yahoo.com",
    "t.me/sokha99",
    "@sokha_keo",
    "12/03/2009",
    "12-3-09",
    "12.03.2009",
    "2009-03-12",
    "2009/3/12",
    "១២/០៣/២០០៩",
    "២០០៩-០៣-១២",
    "12 March 2009",
    "12th of Mar. 2009",
    "March 12, 2009",
    "March 2009",
    "ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០០៩",
    "ខែមីនា ២០០៩",
    "កើតឆ្នាំ២០០៩",
    "born in 2009",
]


@pytest.mark.parametrize("personal", HIDDEN)
def test_contact_details_and_birth_dates_are_hidden_inside_a_sentence(personal):
    text = f"Hello, {personal} thank you"

    masked = mask(text, marker="[hidden]")

    assert masked.startswith("Hello, ") and masked.endswith(" thank you")
    assert "[hidden]" in masked
    assert not any(ch.isdigit() for ch in masked.translate(str.maketrans("០១២៣៤៥៦៧៨៩", "x" * 10)))
    assert has_personal(text)


def test_khmer_words_around_a_khmer_number_stay():
    assert mask("សូមទូរស័ព្ទមកលេខ០១២៣៤៥៦៧៨ អរគុណ", "•") == "សូមទូរស័ព្ទមកលេខ• អរគុណ"


KEPT = [
    "I have 2 years of experience",
    "I want $250 a month",
    "250 USD or 300,000 riel, even 1,000,000 riel",
    "1 000 000 riel",
    "10000000 riel",
    "I finished grade 12 and studied 2019-2021",
    "I can work 8 hours a day, 6 days a week",
    "ប្រាក់ខែ ៣០០ ដុល្លារ បទពិសោធន៍ ២ ឆ្នាំ",
    "I am 16 and live near street 271, house 12",
    "From 7:30 to 17:00",
    "",
]


@pytest.mark.parametrize("ordinary", KEPT)
def test_pay_years_and_ordinary_numbers_are_kept(ordinary):
    assert mask(ordinary, marker="[hidden]") == ordinary
    assert not has_personal(ordinary)


def test_several_details_are_each_hidden_once():
    text = "Call 012 345 678 or mail me at a.b@c.com, born 2009-03-12."

    assert mask(text, "#") == "Call # or mail me at #, born #."
