"""Each main page, on first load, costs at most 60 KB compressed (HTML + CSS + JavaScript):
the budget of issue 6 for phones on slow, paid data. The font has its own budget
(test_assets.py). Pages are measured full: 20 search results, long descriptions."""

import gzip
import re

import pytest

from portal.extensions import db
from portal.jobs.models import OpeningKind
from portal.placements.models import SavedOpening

BUDGET = 60 * 1024
GZIP = {"Accept-Encoding": "gzip"}
LONG = "We train you on the job. " * 60

PUBLIC = ["/", "/openings", "/openings?q=cook", "/courses", "/login", "/signup"]
YOUTH = ["/me/for-you", "/me/profile", "/me/saved", "/me/applications", "/openings?q=cook"]
EMPLOYER = ["/employer"]
COUNSELOR = ["/review", "/youth", "/youth/new", "/openings/new"]


@pytest.fixture
def full_site(make_opening, make_org):
    org = make_org(name="Angkor Garment Co. Ltd.")
    openings = [
        make_opening(
            organization=org,
            title=f"Cook {n}",
            description=LONG,
            skills=["cooking", "food hygiene", "ធ្វើម្ហូប"],
            salary_min=200,
            salary_max=300,
            currency="USD",
            kind=OpeningKind.COURSE if n % 5 == 0 else OpeningKind.JOB,
        )
        for n in range(30)
    ]
    return openings


def transfer_size(client, path: str) -> tuple[int, int]:
    """(compressed HTML bytes, compressed bytes of the stylesheets and scripts it loads)."""
    response = client.get(path, headers=GZIP)
    assert response.status_code == 200, path
    html = gzip.decompress(response.data).decode()
    extra = 0
    for url in re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html):
        asset = client.get(url, headers=GZIP)
        extra += len(asset.data)
        asset.close()
    return len(response.data), extra


def check(client, paths: list[str], language: str) -> None:
    client.post(f"/lang/{language}", data={"next": "/"})
    for path in paths:
        html, assets = transfer_size(client, path)
        total = html + assets
        print(f"{language} {path}: HTML {html} B + CSS/JS {assets} B = {total} B")
        assert total <= BUDGET, f"{path} ({language}) weighs {total} bytes compressed"


@pytest.mark.parametrize("language", ["km", "en"])
def test_public_pages_fit_the_budget(client, full_site, language):
    check(client, [*PUBLIC, f"/openings/{full_site[0].id}"], language)


@pytest.mark.parametrize("language", ["km", "en"])
def test_pages_after_login_fit_the_budget(login_as, full_site, language):
    youth_client, youth = login_as("youth")
    youth.youth_profile.skills = ["cooking", "sewing"]
    youth.youth_profile.province_code = "17"  # far from the openings: the safety panel shows
    for opening in full_site[:20]:  # her marks on the cards, her saved list full
        db.session.add(SavedOpening(youth_id=youth.youth_profile.id, opening_id=opening.id))
    db.session.commit()
    check(youth_client, [*YOUTH, f"/openings/{full_site[1].id}"], language)
    employer_client, _ = login_as("employer", organization_id=full_site[0].organization_id)
    check(employer_client, EMPLOYER, language)
    counselor_client, _ = login_as("counselor")
    check(counselor_client, [*COUNSELOR, f"/openings/{full_site[0].id}/candidates"], language)
