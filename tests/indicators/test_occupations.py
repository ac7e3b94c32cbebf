"""The occupation group an opening is counted in."""

from portal.indicators.occupations import occupation_group


def test_an_isco_code_gives_its_minor_group():
    assert occupation_group("7231", "Anything at all") == "723"
    assert occupation_group("723", "Sewing machine operator") == "723"


def test_without_a_code_the_title_names_a_concept_in_english_or_khmer():
    # the concept's ISCO-08 minor group (815 machine operators, 723 mechanics)
    assert occupation_group(None, "Sewing machine operator (night shift)") == "815"
    assert occupation_group("", "ត្រូវការជាងកាត់ដេរ ១០ នាក់") == "815"
    assert occupation_group(None, "Motorbike mechanic intern") == "723"


def test_a_concept_without_an_isco_group_is_counted_by_its_name():
    assert occupation_group(None, "English speaking staff") == "english_language"  # a language
    # English terms match whole words only: "seamstress" is not found in "seamstresses".
    assert occupation_group(None, "Seamstresses wanted") == "other"


def test_a_title_naming_nothing_known_is_other():
    assert occupation_group(None, "Zzz qqq") == "other"
    assert occupation_group("12", "Zzz") == "other"  # two digits are no minor group
