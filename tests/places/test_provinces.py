"""What counselors and young people type for a province, and what Phlov understands."""

import pytest

from portal.places import UnknownPlace, normalize, provinces, resolve_province
from portal.places.provinces import province_spellings, read_alias_file

SPELLINGS = [
    # codes, ISO 3166-2 and Khmer digits
    ("12", "12"),
    ("1", "01"),
    ("KH-17", "17"),
    ("០៣", "03"),
    # English, as written most often
    ("Phnom Penh", "12"),
    ("phnom  penh", "12"),
    ("Phnom Penh Capital", "12"),
    ("Siem Reap Province", "17"),
    ("Province of Battambang", "02"),
    ("Kratié", "10"),
    ("Takéo", "21"),
    # abbreviations
    ("PP", "12"),
    ("PNH", "12"),
    ("SR", "17"),
    ("BTB", "02"),
    ("KPC", "03"),
    ("SHV", "18"),
    ("BMC", "01"),
    # older romanizations of Kampong and its abbreviations
    ("Kompong Cham", "03"),
    ("Kampung Thom", "06"),
    ("Kg. Chhnang", "04"),
    ("KG CHHNANG", "04"),
    ("Kg.Thom", "06"),
    ("K. Speu", "05"),
    ("Kpg Cham", "03"),
    ("Kampong Som", "18"),
    ("Kompong Som", "18"),
    # misspellings people really make
    ("Purset", "15"),
    ("Siem Riep", "17"),
    ("Siemreap", "17"),
    ("Sihanoukvile", "18"),
    ("Battambong", "02"),
    ("Kampong Chnnang", "04"),
    ("Rotanak Kiri", "16"),
    ("Mondulkiri", "11"),
    ("Otdar Meanchey", "22"),
    ("Tboung Khmum", "25"),
    ("Stung Treng", "19"),
    # towns people give instead of their province
    ("Sihanoukville", "18"),
    ("Poipet", "01"),
    ("Ta Khmau", "08"),
    # Khmer, with and without ខេត្ត / រាជធានី, and the spellings that vary
    ("ភ្នំពេញ", "12"),
    ("រាជធានីភ្នំពេញ", "12"),
    ("រាជធានី ភ្នំពេញ", "12"),
    ("សៀមរាប", "17"),
    ("ខេត្តសៀមរាប", "17"),
    ("ខេត្ត កំពង់ចាម", "03"),
    ("កំពង់ឆ្នាំង", "04"),
    ("ពោធិ៍សាត់", "15"),
    ("ពោធិសាត់", "15"),
    ("កណ្ដាល", "08"),
    ("ខេត្ដកណ្តាល", "08"),
    ("ឧត្តរមានជ័យ", "22"),
    ("កំពង់សោម", "18"),
    ("ព្រះសីហនុ", "18"),
]


@pytest.mark.parametrize(("typed", "code"), SPELLINGS)
def test_a_province_is_understood_however_it_is_written(typed, code):
    assert resolve_province(typed).code == code


def test_the_table_covers_plenty_of_spellings_and_every_province():
    assert len(SPELLINGS) >= 40
    assert {code for _typed, code in SPELLINGS} >= {"01", "02", "03", "04", "05", "06", "12"}


UNKNOWN = [
    # ambiguous: the start of several provinces' names is never guessed
    ("Kampong", {"Kampong Cham", "Kampong Chhnang"}),
    ("Kg.", {"Kampong Cham"}),
    ("Kampong Ch", {"Kampong Cham", "Kampong Chhnang"}),
    ("Preah", {"Preah Vihear", "Preah Sihanouk"}),
    ("កំពង់", {"Kampong Cham"}),
    # too short to guess
    ("Kepp", {"Kep"}),
    ("Svay", {"Svay Rieng"}),
    ("KPT", {"Kampot"}),  # Kampot or Kampong Thom: both are written KPT
    # not a province at all
    ("Bangkok", set()),
    ("26", set()),
    ("xyz", set()),
]


@pytest.mark.parametrize(("typed", "expected"), UNKNOWN)
def test_an_unknown_or_ambiguous_name_is_refused_with_three_suggestions(typed, expected):
    with pytest.raises(UnknownPlace) as caught:
        resolve_province(typed)
    assert len(caught.value.suggestions) == 3
    assert expected <= set(caught.value.suggestions)
    assert typed in str(caught.value)


def test_suggestions_are_province_names_that_resolve_to_their_codes():
    with pytest.raises(UnknownPlace) as caught:
        resolve_province("Kampong")
    names, codes = caught.value.suggestions, caught.value.codes
    assert [resolve_province(name).code for name in names] == codes


@pytest.mark.parametrize("typed", ["", "   ", None, "Province", "ខេត្ត"])
def test_an_empty_name_is_refused_without_suggestions(typed):
    with pytest.raises(UnknownPlace) as caught:
        resolve_province(typed)
    assert caught.value.suggestions == []


# The aliases file is data a maintainer edits by hand: these tests keep it honest.


def test_every_alias_names_one_of_the_25_provinces():
    codes = {p.code for p in provinces()}
    assert len(codes) == 25
    rows = read_alias_file()
    assert rows, "the aliases file is empty"
    for row in rows:
        assert row["code"] in codes, row
        assert row["alias"].strip() == row["alias"] and row["alias"], row
        assert row["note"], f"say where alias {row['alias']!r} comes from"


def test_no_alias_points_at_two_provinces():
    owner: dict[str, str] = {normalize(p.name_en): p.code for p in provinces()}
    owner.update({normalize(p.name_kh): p.code for p in provinces()})
    for row in read_alias_file():
        key = normalize(row["alias"])
        assert key, row
        assert owner.setdefault(key, row["code"]) == row["code"], (
            f"{row['alias']!r} means both {owner[key]} and {row['code']}"
        )


def test_every_alias_resolves_to_its_province():
    for row in read_alias_file():
        assert resolve_province(row["alias"]).code == row["code"], row


def test_no_alias_repeats_a_name_or_another_alias():
    """Spacing, case, accents, 'province' and ខេត្ត are folded away: such rows are noise."""
    keys = [normalize(p.name_en) for p in provinces()] + [normalize(p.name_kh) for p in provinces()]
    keys += [normalize(row["alias"]) for row in read_alias_file()]
    repeated = {key for key in keys if keys.count(key) > 1}
    assert not repeated


def test_every_province_name_resolves_in_both_languages():
    for province in provinces():
        assert resolve_province(province.name_en) == province
        assert resolve_province(province.name_kh) == province
    assert len(set(province_spellings().values())) == 25
