"""Cambodia's provinces and districts: names in both languages, and what people type for them."""

from portal.places.provinces import (
    District,
    Province,
    UnknownPlace,
    district_name,
    districts_of,
    get_province,
    province_name,
    provinces,
    resolve_district,
    resolve_province,
)

__all__ = [
    "District",
    "Province",
    "UnknownPlace",
    "district_name",
    "districts_of",
    "get_province",
    "province_name",
    "provinces",
    "resolve_district",
    "resolve_province",
]
