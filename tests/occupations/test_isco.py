"""ISCO-08: the ILO's minor groups as shipped, every occupation of the vocabulary coded, openings
coded from their title and skills, correctable on the form, and a backfill for old ones."""

from __future__ import annotations

import re

from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import Opening
from portal.occupations import isco_for, minor_groups
from portal.search.vocabulary import concepts

NOT_OCCUPATIONS = {"languages", "general"}  # sectors of skills and catch-alls, not trades


def test_the_ilo_list_has_the_130_minor_groups_under_the_10_major_groups():
    groups = minor_groups()

    assert len(groups) == 130
    assert all(re.fullmatch(r"\d{3}", code) for code in groups)
    assert {code[0] for code in groups} == set("0123456789")
    assert groups["753"] == "Garment and related trades workers"
    assert groups["723"] == "Machinery mechanics and repairers"
    assert groups["512"] == "Cooks"
    assert list(groups) == sorted(groups)
    khmer = minor_groups("km")
    assert list(khmer) == list(groups) and all(khmer.values())
    assert khmer["512"] == "ចុងភៅ"


def test_every_occupation_of_the_vocabulary_has_a_valid_minor_group():
    groups = minor_groups()
    for concept in concepts():
        if concept.sector in NOT_OCCUPATIONS:
            assert concept.isco is None, concept.id
        else:
            assert concept.isco in groups, (concept.id, concept.isco)


def test_a_few_trades_land_in_their_group():
    codes = {concept.id: concept.isco for concept in concepts()}
    assert codes["cook"] == "512"
    assert codes["motorbike_mechanic"] == "723"
    assert codes["pattern_maker"] == "753"
    assert codes["security_guard"] == "541"


def test_an_opening_is_coded_from_its_title_then_its_skills_in_either_language():
    assert isco_for("Motorbike mechanic in Kampot") == "723"
    assert isco_for("ត្រូវការចុងភៅ") == "512"
    assert isco_for("Staff wanted", ["sewing", "ironing"]) == "815"
    assert isco_for("Staff wanted", ["being on time"]) is None
    assert isco_for("Cookie shop helper") != "512"  # whole words: a cookie is not a cook
    assert isco_for("Cook for a guesthouse") == "512"  # the trade named first


def _opening_form(**changes) -> dict:
    data = {
        "kind": "job",
        "title": "Cook for a guesthouse",
        "description": "Breakfast and lunch for 20 guests.",
        "skills": "cooking",
        "province": "17",
        "min_age": "18",
        "positions": "1",
        "currency": "",
        "fee": "0",
        "fee_currency": "USD",
        "isco_minor_group": "",
        "save_draft": "Save as draft",
    }
    return data | changes


def _opening_titled(title: str) -> Opening:
    return db.session.scalar(select(Opening).where(Opening.title == title))


def test_an_employer_leaves_choose_and_the_group_is_found(login_as, ctx):
    client, _employer = login_as(Role.EMPLOYER)
    page = client.get("/openings/new").text
    assert '<option value="">Choose…</option><option value="011">' in page

    client.post("/openings/new", data=_opening_form())

    assert _opening_titled("Cook for a guesthouse").isco_minor_group == "512"


def test_a_counselor_corrects_the_group_and_the_correction_stays(login_as, make_opening, ctx):
    client, _counselor = login_as(Role.COUNSELOR)
    opening = make_opening(title="Cook for a guesthouse", skills=["cooking"])

    page = client.get(f"/openings/{opening.id}/edit").text
    client.post(
        f"/openings/{opening.id}/edit",
        data=_opening_form(isco_minor_group="941", organization=str(opening.organization_id)),
    )

    assert "Choose…</option>" in page
    db.session.refresh(opening)
    assert opening.isco_minor_group == "941"  # kitchen helper, as the counselor said


def test_a_code_that_is_not_a_minor_group_is_refused(login_as, ctx):
    client, _employer = login_as(Role.EMPLOYER)

    response = client.post("/openings/new", data=_opening_form(isco_minor_group="999"))

    assert response.status_code == 400
    assert 'id="isco_minor_group-error"' in response.text
    assert _opening_titled("Cook for a guesthouse") is None


def test_the_backfill_codes_old_openings_and_keeps_corrections(runner, make_opening, ctx):
    old = make_opening(title="Security guard, night shift", skills=[])
    corrected = make_opening(title="Cook", skills=[])
    unknown = make_opening(title="Helper", skills=[])
    db.session.execute(
        Opening.__table__.update().values(isco_minor_group=None)
    )  # as the migration leaves them
    db.session.execute(
        Opening.__table__.update().where(Opening.id == corrected.id).values(isco_minor_group="941")
    )
    db.session.commit()

    result = runner.invoke(args=["openings", "isco"])

    assert result.exit_code == 0, result.output
    assert "1 opening(s) got an ISCO-08 group; 1 could not be matched." in result.output
    db.session.expire_all()
    assert db.session.get(Opening, old.id).isco_minor_group == "541"
    assert db.session.get(Opening, corrected.id).isco_minor_group == "941"
    assert db.session.get(Opening, unknown.id).isco_minor_group is None
