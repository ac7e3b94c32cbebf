"""The candidates for an opening (issue 19): the best 10 whose skills match, compact rows, the
rest on demand, and one referral form for the person chosen."""

from __future__ import annotations

from html import unescape

from portal.auth.models import Role


def test_the_best_ten_who_match_first_and_the_rest_on_demand(login_as, make_opening, make_youth):
    client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(title="Garment sewer", skills=["sewing"])
    for n in range(12):
        make_youth(center_id=counselor.center_id, full_name=f"Sewer {n}", skills=["sewing"])
    for n in range(3):
        make_youth(center_id=counselor.center_id, full_name=f"Cook {n}", skills=["cooking"])

    page = unescape(client.get(f"/openings/{opening.id}/candidates").get_data(as_text=True))
    everyone = unescape(
        client.get(f"/openings/{opening.id}/candidates?more=1").get_data(as_text=True)
    )

    assert page.count('class="candidate-row"') == 10
    assert "Cook" not in page  # 40/100 at most: no skill asked for matches
    assert "Show 5 more (lower scores)" in page
    assert page.count("<textarea") == 1  # one note, for the person chosen
    assert everyone.count('class="candidate-row"') == 15 and "Cook 2" in everyone
    assert everyone.count("<textarea") == 1


def test_a_counselor_refers_her_young_people_to_another_provinces_opening(
    login_as, make_opening, make_youth
):
    # Young people move for work: the opening being outside her center's provinces limits what
    # she decides about it (tests/centers/test_scope.py), not whom of hers she refers to it.
    client, counselor = login_as(Role.COUNSELOR)  # a Phnom Penh center
    opening = make_opening(title="Kampot pepper picker", skills=["picking"], province_code="07")
    youth = make_youth(center_id=counselor.center_id, full_name="Dara", skills=["picking"])

    page = unescape(client.get(f"/openings/{opening.id}/candidates").get_data(as_text=True))
    referred = client.post(
        f"/openings/{opening.id}/refer", data={"youth_id": youth.id, "note": "Good picker."}
    )

    assert "Dara" in page and "outside your center's provinces" not in page
    assert "<textarea" in page and f'name="youth_id" value="{youth.id}"' in page
    assert referred.status_code == 302
