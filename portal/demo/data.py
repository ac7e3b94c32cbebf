"""The demo's data files (portal/demo/data/), read once."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CenterRow:
    code: str
    name: str
    province_code: str
    is_partner: bool
    address: str
    phone: str
    email: str
    counselor_name: str
    counselor_email: str
    serves: tuple[str, ...]


@dataclass(frozen=True)
class OrganizationRow:
    name: str
    kind: str
    sectors: tuple[str, ...]
    province_code: str
    posts_in: tuple[str, ...]  # province codes, or ("*",) for everywhere
    verified: bool
    contact_name: str
    contact_phone: str
    contact_email: str
    address: str
    description: str

    def posts_in_province(self, code: str) -> bool:
        return code in self.posts_in or "*" in self.posts_in


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _toml(name: str) -> dict:
    with open(DATA_DIR / name, "rb") as f:
        return tomllib.load(f)


@cache
def centers() -> tuple[CenterRow, ...]:
    return tuple(
        CenterRow(
            **{
                **row,
                "is_partner": row["is_partner"] == "1",
                "serves": tuple(row["serves"].split()),
            }
        )
        for row in _rows("centers.csv")
    )


@cache
def organizations() -> tuple[OrganizationRow, ...]:
    return tuple(
        OrganizationRow(
            **{
                **row,
                "sectors": tuple(row["sectors"].split()),
                "posts_in": tuple(row["posts_in"].split()),
                "verified": row["verified"] == "1",
            }
        )
        for row in _rows("organizations.csv")
    )


@cache
def sectors() -> dict:
    """sector -> {"jobs": [...], "internships": [...], "courses": [...]}, plus "how_to_apply"."""
    return _toml("sectors.toml")


@cache
def province_weights() -> dict[str, dict[str, int]]:
    """{"openings": {code: weight}, "youth": {code: weight}}."""
    return _toml("places.toml")


@cache
def people() -> dict:
    """Family and given names, languages and common skills for demo youth."""
    return _toml("people.toml")


@cache
def safety_contacts() -> tuple[dict, ...]:
    """Demo hotlines and legal-aid contacts (placeholder numbers: check them before going live)."""
    return tuple(_toml("safety_contacts.toml")["contact"])


@cache
def history() -> dict:
    """The past year's held postings and visitors' reports (`held`, `report`)."""
    return _toml("history.toml")
