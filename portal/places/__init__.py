"""Cambodia's provinces and districts: names in both languages, and what people type for them."""

from portal.places.adjacency import neighbours
from portal.places.districts import District, district_name, districts_of, resolve_district
from portal.places.messages import unknown_province_message
from portal.places.names import UnknownPlace, normalize
from portal.places.provinces import (
    Province,
    get_province,
    province_name,
    province_spellings,
    provinces,
    resolve_province,
)

__all__ = [
    "District",
    "Province",
    "UnknownPlace",
    "district_name",
    "districts_of",
    "get_province",
    "neighbours",
    "normalize",
    "province_name",
    "province_spellings",
    "provinces",
    "resolve_district",
    "resolve_province",
    "unknown_province_message",
]
