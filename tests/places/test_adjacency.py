"""Neighbouring provinces: the table matching uses to say "near you"."""

import pytest

from portal.places import neighbours, provinces
from portal.places.adjacency import read_adjacency_file

CODES = {p.code for p in provinces()}


def test_every_row_names_two_different_known_provinces_in_order():
    rows = read_adjacency_file()
    assert rows, "the adjacency table is empty"
    for code_a, code_b in rows:
        assert code_a in CODES and code_b in CODES, (code_a, code_b)
        assert code_a < code_b, (code_a, code_b)


def test_no_pair_is_written_twice():
    rows = read_adjacency_file()
    assert len(rows) == len(set(rows))


def test_the_file_is_sorted_so_a_reviewer_can_find_a_pair():
    rows = read_adjacency_file()
    assert rows == sorted(rows)


def test_being_neighbours_goes_both_ways():
    for code in CODES:
        for other in neighbours(code):
            assert code in neighbours(other), (code, other)


def test_every_province_has_a_neighbour():
    lonely = [code for code in sorted(CODES) if not neighbours(code)]
    assert lonely == []


def test_every_province_can_be_reached_from_phnom_penh():
    seen, todo = {"12"}, ["12"]
    while todo:
        for other in neighbours(todo.pop()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    assert seen == CODES


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("12", {"08"}),  # Phnom Penh lies inside Kandal
        ("23", {"07"}),  # Kep: the sea and Kampot
        ("24", {"02"}),  # Pailin: Thailand and Battambang
        ("20", {"14"}),  # Svay Rieng: Vietnam and Prey Veng
        ("25", {"03", "10", "14"}),  # Tbong Khmum, east of the Mekong
        ("11", {"10", "16", "19"}),  # Mondulkiri
        ("16", {"11", "19"}),  # Ratanakiri
        ("17", {"01", "02", "06", "13", "22"}),  # Siem Reap
        ("08", {"03", "04", "05", "12", "14", "21"}),  # Kandal, around the capital
        ("18", {"05", "07", "09"}),  # Preah Sihanouk, with Kampong Seila
    ],
)
def test_neighbours_follow_the_map(code, expected):
    assert neighbours(code) == expected


def test_provinces_across_the_tonle_sap_are_not_neighbours():
    assert "06" not in neighbours("15")  # Pursat and Kampong Thom face each other over the lake
    assert "06" not in neighbours("02")  # so do Battambang and Kampong Thom


def test_codes_are_read_the_way_people_write_them():
    assert neighbours("8") == neighbours("08")
    assert neighbours(None) == frozenset()
    assert neighbours("99") == frozenset()
