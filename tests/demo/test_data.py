"""The demo's data files are complete and consistent, so the seed never trips on them."""

from portal import phones
from portal.demo import data
from portal.jobs.models import MIN_HAZARDOUS_AGE
from portal.orgs.models import OrgKind
from portal.places import get_province, provinces
from portal.youth.forms import LANGUAGE_LABELS
from portal.youth.models import EducationLevel

KINDS = ("jobs", "internships", "courses")


def test_every_province_is_served_by_exactly_one_demo_center():
    served = [code for center in data.centers() for code in center.serves]
    assert sorted(served) == sorted(p.code for p in provinces())


def test_organizations_name_real_provinces_sectors_and_phones():
    sectors = data.sectors()
    for row in data.organizations():
        assert OrgKind(row.kind)
        assert get_province(row.province_code), row.name
        assert all(code == "*" or get_province(code) for code in row.posts_in), row.name
        assert all(sector in sectors for sector in row.sectors), row.name
        assert phones.normalize(row.contact_phone), row.name


def test_every_province_has_organizations_posting_there():
    for province in provinces():
        assert any(row.posts_in_province(province.code) for row in data.organizations())


def test_every_sector_offers_jobs_internships_and_courses():
    for name, sector in data.sectors().items():
        if name == "how_to_apply":
            continue
        for kind in KINDS:
            assert sector.get(kind), f"{name} has no {kind}"
            for template in sector[kind]:
                assert template["title"] and template["text"] and template["skills"]
                if "pay" in template:
                    low, high = template["pay"]
                    assert 0 < low <= high, template["title"]
                if kind == "courses":
                    assert template["fees"] and template["weeks"][0] >= 1


def test_province_weights_cover_all_25_provinces():
    codes = {p.code for p in provinces()}
    for weights in data.province_weights().values():
        assert set(weights) == codes


def _templates():
    for name, sector in data.sectors().items():
        if name != "how_to_apply":
            for kind in KINDS:
                yield from sector[kind]


def test_what_the_work_needs_is_well_formed_and_hazardous_work_is_for_adults():
    templates = list(_templates())
    for template in templates:
        if template.get("hazardous"):
            assert template.get("min_age", 15) >= MIN_HAZARDOUS_AGE, template["title"]
        if "min_education" in template:
            assert EducationLevel(template["min_education"]), template["title"]
        assert set(template.get("languages", [])) <= set(LANGUAGE_LABELS), template["title"]
    assert sum(bool(t.get("hazardous")) for t in templates) >= 5
    assert sum(t.get("min_education") == "upper_secondary" for t in templates) >= 5
    assert sum("en" in t.get("languages", []) for t in templates) >= 5
