"""Which provinces share a land border, so matching can rank "a neighbouring province" next.

Source: the province descriptions of the NCDD gazetteer and of each province's Wikipedia article
(checked November 2026), with the boundaries in force since Kep, Pailin and Preah Sihanouk took
their present shape (2008-09: Kampong Seila moved from Koh Kong to Preah Sihanouk, so Preah Sihanouk
now meets Kampong Speu and Koh Kong no longer meets Kampot) and since Tbong Khmum was split from
Kampong Cham along the Mekong (2013). Provinces that only face each other across the Tonle Sap lake
(Pursat and Kampong Thom, for instance) are not neighbours; Battambang and Siem Reap are, by land
on the lake's north-western floodplain."""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

ADJACENCY_FILE = Path(__file__).parent / "adjacency.csv"


def read_adjacency_file() -> list[tuple[str, str]]:
    """The (code_a, code_b) rows of adjacency.csv, as written."""
    with open(ADJACENCY_FILE, encoding="utf-8") as f:
        return [(row["code_a"], row["code_b"]) for row in csv.DictReader(f)]


@cache
def _table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for code_a, code_b in read_adjacency_file():
        table[code_a].add(code_b)
        table[code_b].add(code_a)
    return {code: frozenset(codes) for code, codes in table.items()}


def neighbours(code: str | None) -> frozenset[str]:
    """Codes of the provinces sharing a land border with province `code` (empty if unknown)."""
    if not code:
        return frozenset()
    return _table().get(str(code).zfill(2), frozenset())
