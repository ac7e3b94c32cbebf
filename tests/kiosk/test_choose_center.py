"""Setting up a kiosk: with several centers nothing is chosen for the admin."""

from portal.auth.models import Role


def test_an_admin_with_several_centers_must_choose_one(login_as, make_center):
    make_center("Kampot center", kiosk_mode=True)
    make_center("Takeo center", kiosk_mode=True)
    client, _admin = login_as(Role.ADMIN)

    page = client.get("/kiosk").text
    refused = client.post("/kiosk/start", data={"center_id": ""})

    assert 'value="">Choose…</option><option value=' in page
    assert refused.status_code == 400
    assert 'id="center_id-error">Choose a center.<' in refused.text
    assert refused.headers.get("Set-Cookie") is None or "kiosk" not in refused.headers["Set-Cookie"]
